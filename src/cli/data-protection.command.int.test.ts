// `stegvis consent …` and `stegvis retention run` on the test database (both kinds), parsed by
// commander as the real command line is; the database is handed in instead of opened from the
// environment. cli.int.test.ts runs the real binary end to end.
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../server/config.js';
import { worldFixture } from '../test/fixture.js';
import { addParticipant } from '../test/world.js';
import { registerConsentCommand } from './consent.command.js';
import type { withDatabase } from './database.js';
import { registerRetentionCommand } from './retention.command.js';

const t = worldFixture({ app: false });
let output: string[];

async function stegvis(...args: string[]): Promise<string> {
  output = [];
  const deps = {
    withDatabase: (<T>(work: Parameters<typeof withDatabase<T>>[0]) => work(t.db, configFromEnv({}), [])) as typeof withDatabase,
    write: (text: string) => void output.push(text),
  };
  const program = new Command('stegvis').exitOverride();
  registerConsentCommand(program, deps);
  registerRetentionCommand(program, deps);
  await program.parseAsync(args, { from: 'user' });
  return output.join('');
}

const systemEvents = (personId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('person_id', '=', personId).where('actor_role', '=', 'system').orderBy('id').execute();

describe('stegvis consent', () => {
  let person: Awaited<ReturnType<typeof addParticipant>>;

  beforeAll(async () => {
    person = await addParticipant(t.db, {
      controllerId: t.world.orgs.kommun,
      personnummer: '19900101-0017',
      firstName: 'Dana',
      enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2024-03-01', notes: 'Dana ringer' }],
      consent: { givenDate: '2024-03-01', partyIds: [] },
    });
  });

  it('add-party adds an organisation by its code, audited as the system', async () => {
    expect(await stegvis('consent', 'add-party', '--enrolment', person.enrolmentIds[0], '--organisation', 'FK')).toBe('FK omfattas nu av samtycket.\n');
    const parties = await t.db.selectFrom('consent_parties').select('organisation_id').where('consent_id', '=', person.consentId!).execute();
    expect(parties.map((p) => p.organisation_id).sort()).toEqual([t.world.orgs.kommun, t.world.orgs.fk].sort());
    expect((await systemEvents(person.personId)).map((e) => [e.entity, e.action, e.purpose])).toEqual([['consent', 'update', 'cli: consent add-party']]);
  });

  it('refuses an unknown organisation, an unknown enrolment and a bad date with a message to act on', async () => {
    await expect(stegvis('consent', 'add-party', '--enrolment', person.enrolmentIds[0], '--organisation', 'NOPE')).rejects.toThrow("Organisationen 'NOPE' finns inte.");
    await expect(stegvis('consent', 'add-party', '--enrolment', '00000000-0000-4000-8000-000000000000', '--organisation', 'FK')).rejects.toThrow(/Inskrivningen finns inte/);
    await expect(stegvis('consent', 'withdraw', '--enrolment', 'abc', '--date', '2025-01-01')).rejects.toThrow(/Ogiltigt id/);
    await expect(stegvis('consent', 'withdraw', '--enrolment', person.enrolmentIds[0], '--date', '2025-02-30')).rejects.toThrow(/Ogiltigt datum/);
  });

  it('withdraw exits the open enrolment on the date and removes identity', async () => {
    const text = await stegvis('consent', 'withdraw', '--enrolment', person.enrolmentIds[0], '--date', '2025-01-31');
    expect(text).toMatch(/Samtycket är återkallat per 2025-01-31\. 1 pågående inskrivningar avslutades/);
    const enrolment = await t.db.selectFrom('enrolments').selectAll().where('id', '=', person.enrolmentIds[0]).executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({ exit_date: '2025-01-31', exit_reason: 'consent_withdrawn', notes: null });
    const stored = await t.db.selectFrom('persons').selectAll().where('id', '=', person.personId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ personnummer: null, first_name: null });
    expect((await systemEvents(person.personId)).map((e) => `${e.entity}:${e.action}`)).toEqual(['consent:update', 'consent:update', 'enrolment:exit', 'person:delete']);
    await expect(stegvis('consent', 'withdraw', '--enrolment', person.enrolmentIds[0], '--date', '2025-02-01')).rejects.toThrow(/inget gällande samtycke/);
  });
});

describe('stegvis retention run', () => {
  it('--dry-run reports and changes nothing; a run removes and records counts', async () => {
    const old = await addParticipant(t.db, {
      controllerId: t.world.orgs.af,
      participantRef: 'AF-1',
      enrolments: [{ interventionId: t.world.interventions.afInsats, start: '2012-01-01', exit: '2013-01-01', updatedAt: '2013-01-01' }],
    });
    const dry = await stegvis('retention', 'run', '--dry-run');
    expect(dry).toMatch(/provkörning/);
    expect(dry).toMatch(/AF\s+identitet, sparas 5 år: 1 person\n/);
    expect(dry).not.toContain('AF-1');
    expect((await t.db.selectFrom('persons').select('participant_ref').where('id', '=', old.personId).executeTakeFirstOrThrow()).participant_ref).toBe('AF-1');
    expect(await t.db.selectFrom('retention_runs').selectAll().execute()).toEqual([]);

    const run = await stegvis('retention', 'run');
    expect(run).toMatch(/Totalt togs identiteten bort för 1 personer/);
    expect((await t.db.selectFrom('persons').select('participant_ref').where('id', '=', old.personId).executeTakeFirstOrThrow()).participant_ref).toBeNull();
    expect((await t.db.selectFrom('retention_runs').select('removed_count').where('organisation_id', '=', t.world.orgs.af).execute())).toEqual([{ removed_count: 1 }]);
    expect(await stegvis('retention', 'run')).toMatch(/Totalt togs identiteten bort för 0 personer/);
  });
});
