import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseFixture } from '../../test/fixture.js';
import { systemAuditActor } from '../audit/audit.js';
import { actorScope, systemScope } from '../access/data-scope.js';
import { importEnrolments, importInterventions, importOrganisations, type ImportResult } from './import.service.js';

const avanti = (name: string) => fs.readFileSync(new URL(`../../../../shared/data/avanti-2018/${name}`, import.meta.url));
const files = { organisations: avanti('organisations.csv'), interventions: avanti('interventions.csv'), enrolments: avanti('enrolments.csv') };
const opts = { dryRun: false, scope: systemScope('cli_import'), audit: systemAuditActor('test') };

const t = databaseFixture();

const tables = ['organisations', 'association_members', 'interventions', 'teams', 'persons', 'enrolments', 'anonymous_registrations', 'consents', 'consent_parties', 'import_batches', 'audit_events'] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

function expectOk(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 5))}`);
  return result;
}

/** The avanti file with some lines replaced, keyed by participant_ref (or appended). */
function editEnrolments(edit: (lines: string[]) => string[]): string {
  const lines = files.enrolments.toString('utf8').trimEnd().split('\n');
  return `${[lines[0], ...edit(lines.slice(1))].join('\n')}\n`;
}

describe('importing the Avanti 2018 files', () => {
  it('imports organisations, the intervention and every enrolment with the right counts', async () => {
    expect(expectOk(await importOrganisations(t.db, files.organisations, opts))).toMatchObject({ created: 5, updated: 0, unchanged: 0, rows: 5 });
    expect(expectOk(await importInterventions(t.db, files.interventions, opts))).toMatchObject({ created: 1, rows: 1 });
    const result = expectOk(await importEnrolments(t.db, files.enrolments, opts));
    expect(result).toEqual({ ok: true, dryRun: false, alreadyImported: false, created: 185, updated: 0, unchanged: 0, anonymous: 4, rows: 189 });
    const counts = await rowCounts();
    expect(counts).toMatchObject({ organisations: 5, association_members: 4, interventions: 1, persons: 185, enrolments: 185, anonymous_registrations: 4, consents: 185, consent_parties: 185, import_batches: 3 });
    const errors = await t.db.selectFrom('enrolments').select('id').where('exit_reason', '=', 'registration_error').execute();
    expect(errors).toHaveLength(1);
    const anonymous = await t.db.selectFrom('anonymous_registrations').select(['year', 'gender', 'count']).orderBy('year').orderBy('gender').execute();
    expect(anonymous).toEqual([
      { year: 2017, gender: 'woman', count: 1 },
      { year: 2018, gender: 'man', count: 1 },
      { year: 2018, gender: 'man', count: 1 },
      { year: 2018, gender: 'woman', count: 1 },
    ]);
  });

  it('stores the facts of a row: age at start, referrer, income codes and the controller', async () => {
    const row = await t.db
      .selectFrom('enrolments as e')
      .innerJoin('persons as p', 'p.id', 'e.person_id')
      .innerJoin('organisations as r', 'r.id', 'e.referrer_org_id')
      .innerJoin('organisations as c', 'c.id', 'e.controller_org_id')
      .select(['e.age_at_start', 'e.gender', 'e.income_before', 'e.education', 'r.code as referrer', 'c.code as controller', 'p.birth_year'])
      .where('p.participant_ref', '=', 'AV-0185')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ age_at_start: 38, gender: 'man', income_before: ['establishment_benefit', 'social_assistance'], education: 'upper_secondary', referrer: 'AF', controller: 'MALMO', birth_year: 1980 });
    const consent = await t.db.selectFrom('consents as c').innerJoin('persons as p', 'p.id', 'c.person_id').select(['c.given_date', 'c.method']).where('p.participant_ref', '=', 'AV-0185').executeTakeFirstOrThrow();
    expect(consent).toEqual({ given_date: '2018-03-01', method: 'written' });
  });

  it('writes an audit event for each created enrolment, with person and enrolment id', async () => {
    const events = await t.db.selectFrom('audit_events').select(['enrolment_id', 'person_id', 'actor_role', 'purpose']).where('entity', '=', 'enrolment').where('action', '=', 'create').execute();
    const enrolments = await t.db.selectFrom('enrolments').select(['id', 'person_id']).execute();
    expect(events).toHaveLength(185);
    expect(new Set(events.map((e) => `${e.enrolment_id}:${e.person_id}`))).toEqual(new Set(enrolments.map((e) => `${e.id}:${e.person_id}`)));
    expect(events[0]).toMatchObject({ actor_role: 'system', purpose: 'test' });
    // The consent recorded with each enrolment is named in that enrolment's event.
    const details = await t.db.selectFrom('audit_events').select('details').where('entity', '=', 'enrolment').where('action', '=', 'create').execute();
    const consents = await t.db.selectFrom('consents').select('id').execute();
    const named = details.map((d) => (d.details as { consent?: { consentId: string } } | null)?.consent?.consentId);
    expect(new Set(named)).toEqual(new Set(consents.map((c) => c.id)));
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await rowCounts();
    for (const [name, run] of [['organisations', importOrganisations], ['interventions', importInterventions], ['enrolments', importEnrolments]] as const) {
      const result = expectOk(await run(t.db, files[name], opts));
      expect(result).toMatchObject({ alreadyImported: true, created: 0, updated: 0, anonymous: 0 });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('updates matched rows of a modified file and never duplicates them', async () => {
    const before = await rowCounts();
    const text = editEnrolments((lines) =>
      lines
        .filter((line) => !line.includes(',ja,nej,nej,')) // the anonymous rows: only the whole-file rule protects them
        .map((line) => (line.startsWith('AVANTI,,AV-0182,') ? line.replace(',2019-02-26,AF,unknown,none,primary,,,,', ',2019-02-26,AF,unknown,none,primary,2019-06-28,work,salary,working') : line))
        .map((line) => (line.startsWith('AVANTI,,AV-0008,') ? line.replace('AVANTI,,', 'AVANTI,Team Syd,') : line)),
    );
    const result = expectOk(await importEnrolments(t.db, text, opts));
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 183, anonymous: 0, rows: 185 });
    const after = await rowCounts();
    expect(after).toMatchObject({ enrolments: before.enrolments, persons: before.persons, consents: before.consents, anonymous_registrations: before.anonymous_registrations, teams: 1 });
    const exited = await t.db.selectFrom('enrolments as e').innerJoin('persons as p', 'p.id', 'e.person_id').select(['e.exit_date', 'e.exit_reason', 'e.income_after', 'e.occupation_after']).where('p.participant_ref', '=', 'AV-0182').executeTakeFirstOrThrow();
    expect(exited).toEqual({ exit_date: '2019-06-28', exit_reason: 'work', income_after: ['salary'], occupation_after: 'working' });
    const updates = await t.db.selectFrom('audit_events').select('enrolment_id').where('entity', '=', 'enrolment').where('action', '=', 'update').execute();
    expect(updates).toHaveLength(2);
  });

  it('rejects a bad file as a whole, listing every error by row and column', async () => {
    const before = await rowCounts();
    const longTeam = 'T'.repeat(101);
    const text = editEnrolments((lines) => [
      ...lines.slice(0, 3).map((line) => line.replace('AV-0182', 'NY-0001').replace('2019-02-26', '2019-03-01')), // valid, would be new
      'OKAND,,NY-0002,,,,man,1980,nej,ja,nej,2018-01-01,AF,,,,,,,',
      'AVANTI,,NY-0003,,,,man,1980,nej,ja,nej,2018-13-01,AF,,,,,,,',
      'AVANTI,,NY-0004,,,,man,1980,nej,ja,nej,2018-02-01,OKANDORG,,,,,,,',
      'AVANTI,,,19900101-0017,Anna,,woman,,ja,nej,nej,2018-02-01,AF,,,,,,,',
      `AVANTI,${longTeam},NY-0005,,,,man,1980,nej,ja,nej,2018-02-01,AF,,,,,,,`,
      'AVANTI,,NY-0006,19900101-0017,,,woman,,nej,ja,nej,2018-02-01,AF,,,,,,,',
      'AVANTI,,AV-0008,19900101-0017,,,woman,,nej,ja,nej,2018-10-19,MALMO,social_assistance,none,post_secondary,,,,',
    ]);
    const result = await importEnrolments(t.db, text, opts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.errors.map((e) => [e.row, e.column]);
    expect(where).toEqual([
      [5, 'intervention'],
      [6, 'start_date'],
      [7, 'referrer'],
      [8, 'personnummer'],
      [8, 'first_name'],
      [9, 'team'],
      [11, 'personnummer'],
    ]);
    expect(result.errors[0].reason).toContain('Okänd insats: ange koden');
    expect(result.errors.at(-1)!.reason).toContain('annan deltagare');
    expect(result.errors.every((e) => !e.reason.includes('19900101'))).toBe(true);
    expect(await rowCounts()).toEqual(withImportAudited(before));
  });

  it('writes nothing when the database refuses a statement after earlier ones of the file were written', async () => {
    // Persons and enrolments are sent while later tables are still being prepared; a refusal at the
    // last table must take them back too.
    await sql`create function refuse_party() returns trigger language plpgsql as $$ begin raise exception 'refused in test'; end $$`.execute(t.db);
    await sql`create trigger refuse_party before insert on consent_parties for each row execute function refuse_party()`.execute(t.db);
    try {
      const before = await rowCounts();
      const text = editEnrolments(() => ['AVANTI,Team Nord,NY-0200,,,,woman,1990,nej,ja,nej,2018-05-03,AF,salary,working,primary,,,,']);
      await expect(importEnrolments(t.db, text, opts)).rejects.toThrow('refused in test');
      expect(await rowCounts()).toEqual(before);
    } finally {
      await sql`drop trigger refuse_party on consent_parties`.execute(t.db);
      await sql`drop function refuse_party()`.execute(t.db);
    }
  });

  it('a dry run validates against the database and writes nothing', async () => {
    const text = editEnrolments(() => ['AVANTI,Team Nord,NY-0100,,,,woman,1990,nej,ja,nej,2018-05-02,AF,salary,working,primary,,,,']);
    const before = await rowCounts();
    const dry = expectOk(await importEnrolments(t.db, text, { ...opts, dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, created: 1, rows: 1 });
    expect(await rowCounts()).toEqual(withImportAudited(before));
    const bad = await importEnrolments(t.db, text.replace('AVANTI,', 'OKAND,'), { ...opts, dryRun: true });
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ row: 2, column: 'intervention' })] });
    // The dry run left no trace of the file: the real import still runs.
    expect(expectOk(await importEnrolments(t.db, text, opts))).toMatchObject({ alreadyImported: false, created: 1 });
    expect(await rowCounts()).toMatchObject({ enrolments: before.enrolments + 1, teams: before.teams + 1 });
  });

  it('does not undo a withdrawn consent with a stale row, but takes a later start with a new consent', async () => {
    const person = await t.db.selectFrom('persons').select('id').where('participant_ref', '=', 'AV-0090').executeTakeFirstOrThrow();
    await t.db.updateTable('consents').set({ withdrawn_at: new Date('2019-01-15T10:00:00Z') }).where('person_id', '=', person.id).execute();
    const stale = editEnrolments((lines) => lines.filter((line) => line.startsWith('AVANTI,,AV-0090,')).map((line) => line.replace(',upper_secondary,', ',primary,')));
    expect(await importEnrolments(t.db, stale, opts)).toEqual({ ok: false, errors: [expect.objectContaining({ row: 2, column: 'consent' })] });
    const later = editEnrolments(() => ['AVANTI,,AV-0090,,,,woman,1967,nej,ja,nej,2019-03-01,AF,,,,,,,']);
    expect(expectOk(await importEnrolments(t.db, later, opts))).toMatchObject({ created: 1 });
    const active = await t.db.selectFrom('consents').select('given_date').where('person_id', '=', person.id).where('withdrawn_at', 'is', null).execute();
    expect(active).toEqual([{ given_date: '2019-03-01' }]);
  });

  it('refuses rows in interventions where the caller has no assignment', async () => {
    const text = editEnrolments(() => ['AVANTI,,NY-0200,,,,woman,1990,nej,ja,nej,2018-05-02,AF,,,,,,,']);
    const malmo = (await t.db.selectFrom('organisations').select('id').where('code', '=', 'MALMO').executeTakeFirstOrThrow()).id;
    const result = await importEnrolments(t.db, text, { ...opts, scope: actorScope({ userId: randomUUID(), organisationId: malmo, email: 'x@malmo.test', displayName: 'X', assignments: [] }) });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ row: 2, column: 'intervention', reason: expect.stringContaining('Du har inget uppdrag i insatsen') })] });
  });
});

describe('organisations and interventions against the database', () => {
  it('lists unknown owners and associations, and a kind that would change', async () => {
    const orgs = `${'code,name,kind,org_number,association'}\nAF,Arbetsförmedlingen,region,202100-2114,FINSAM-MALMO\nNYORG,Ny,provider,,MALMO\nNYORG2,Ny 2,provider,,SAKNAS\n`;
    const result = await importOrganisations(t.db, orgs, opts);
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column])).toEqual([[2, 'kind'], [3, 'association'], [4, 'association']]);
    const ivs = `code,name,owner,association,start_date,end_date,orientation,follow_up,places,volume_target\nX1,X,SAKNAS,FINSAM-MALMO,2020-01-01,,individual,individual,,\nAVANTI,Avanti,AF,FINSAM-MALMO,2016-01-01,,individual,individual,160,160\n`;
    const second = await importInterventions(t.db, ivs, opts);
    expect(second.ok ? [] : second.errors.map((e) => [e.row, e.column])).toEqual([[2, 'owner'], [3, 'owner']]);
  });

  it('updates a changed intervention and counts the rest as unchanged', async () => {
    const ivs = files.interventions.toString('utf8').replace(',160,160', ',170,160');
    expect(expectOk(await importInterventions(t.db, ivs, opts))).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const row = await t.db.selectFrom('interventions').select(['places', 'volume_target']).where('code', '=', 'AVANTI').executeTakeFirstOrThrow();
    expect(row).toEqual({ places: 170, volume_target: 160 });
  });

  it('sets the follow-up method from the optional column, keeps it when the column is left out, refuses an unknown one', async () => {
    const method = async () => (await t.db.selectFrom('interventions').select('follow_up_method').where('code', '=', 'AVANTI').executeTakeFirstOrThrow()).follow_up_method;
    const [header, line] = files.interventions.toString('utf8').trimEnd().split(/\r?\n/);
    const withMethod = (value: string) => `${header},follow_up_method\n${line.replace(',160,160', ',170,160')},${value}\n`;
    expect(expectOk(await importInterventions(t.db, withMethod('SUS'), opts))).toMatchObject({ updated: 1 });
    expect(await method()).toBe('sus');
    expect(expectOk(await importInterventions(t.db, `${header}\n${line.replace(',160,160', ',170,160')}\n`, opts))).toMatchObject({ unchanged: 1 });
    expect(await method()).toBe('sus');
    expect(expectOk(await importInterventions(t.db, withMethod('other'), opts))).toMatchObject({ updated: 1 });
    expect(await method()).toBe('other');
    const refused = await importInterventions(t.db, withMethod('Excel'), opts);
    expect(refused.ok ? [] : refused.errors.map((e) => [e.row, e.column])).toEqual([[2, 'follow_up_method']]);
    expect(await method()).toBe('other');
  });
});

/** Nothing is stored, but the import itself is audited (security review, finding 4). */
const withImportAudited = (before: Record<string, number>) => ({ ...before, audit_events: before.audit_events + 1 });
