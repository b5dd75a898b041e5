import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { systemScope } from '../access/data-scope.js';
import { systemAuditActor } from '../audit/audit.js';
import { importEnrolments, importInterventions, importOrganisations } from '../import/import.service.js';

// The exit's completion (issue 12): fullföljd / avbruten / not recorded, in the exit, the
// correction, "Ångra avslut", the revisions and the enrolments import.

const t = worldFixture();
const kommun = t.as('kommunWorker');

let n = 0;
const enrol = async () => {
  const created = await kommun.post('/api/v1/enrolments', {
    mode: 'consent',
    interventionId: t.world.interventions.kommunInsats,
    gender: 'man',
    startDate: '2024-02-01',
    person: { participantRef: `FULLF-${n++}` },
    consent: { givenDate: '2024-02-01', method: 'written', partyIds: [] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
};

const stored = async (id: string) =>
  (await t.db.selectFrom('enrolments').select('exit_completed').where('id', '=', id).executeTakeFirstOrThrow()).exit_completed;

describe('the exit’s completion in the API', () => {
  it('is recorded with the exit, corrected with a revision old → new, and cleared by reopening', async () => {
    const id = await enrol();
    expect((await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-05-02', exitReason: 'studies', exitCompleted: true })).status).toBe(200);
    expect((await kommun.get(`/api/v1/enrolments/${id}`)).body.exitCompleted).toBe(true);

    expect((await kommun.patch(`/api/v1/enrolments/${id}`, { exitCompleted: false })).status).toBe(200);
    const view = await kommun.get(`/api/v1/enrolments/${id}`);
    expect(view.body.exitCompleted).toBe(false);
    expect(view.body.history[0]).toMatchObject({
      kind: 'correction',
      changes: [{ field: 'exitCompleted', from: true, to: false, valuesShown: true }],
    });
    const revision = await t.db.selectFrom('enrolment_revisions').select('affects_from').where('enrolment_id', '=', id).where('kind', '=', 'correction').executeTakeFirstOrThrow();
    expect(revision.affects_from).toBe('2024-05-02');

    expect((await kommun.post(`/api/v1/enrolments/${id}/reopen`, {})).status).toBe(200);
    expect(await stored(id)).toBeNull();
  });

  it('is not recorded unless given, and is refused on an open enrolment', async () => {
    const id = await enrol();
    const open = await kommun.patch(`/api/v1/enrolments/${id}`, { exitCompleted: true });
    expect(open.status).toBe(400);
    expect(open.body.errors).toEqual([expect.objectContaining({ path: 'exitCompleted', message: 'Inskrivningen är inte avslutad. Avsluta den först.' })]);
    expect(await stored(id)).toBeNull();
    expect((await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-05-02', exitReason: 'work' })).status).toBe(200);
    expect(await stored(id)).toBeNull();
    const bad = await kommun.patch(`/api/v1/enrolments/${id}`, { exitCompleted: 'ja' });
    expect(bad.status).toBe(400);
    expect(await stored(id)).toBeNull();
  });
});

describe('the exit’s completion in the enrolments import', () => {
  const data = (name: string) => fs.readFileSync(new URL(`../../../../shared/data/aktivitetscenter-2018/${name}`, import.meta.url));
  const opts = { dryRun: false, scope: systemScope('cli_import'), audit: systemAuditActor('test') };
  const completionOf = async (ref: string) => {
    const person = await t.db.selectFrom('persons').select('id').where('participant_ref', '=', ref).executeTakeFirstOrThrow();
    const row = await t.db.selectFrom('enrolments').select('exit_completed').where('person_id', '=', person.id).executeTakeFirstOrThrow();
    return row.exit_completed;
  };
  const header = 'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after';
  const row = (ref: string, exit: string) => `AKTIVITETSCENTER,,${ref},,,,woman,1980,nej,ja,nej,2018-02-01,,,,,${exit},,`;

  it('reads ja, nej and empty; a file without the column keeps what is stored', async () => {
    for (const file of ['organisations.csv', 'interventions.csv'] as const) {
      const result = await (file === 'organisations.csv' ? importOrganisations : importInterventions)(t.db, data(file), opts);
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    const withColumn = [`${header},exit_completed`, `${row('IMP-1', '2018-06-01,work')},ja`, `${row('IMP-2', '2018-06-01,moved')},nej`, `${row('IMP-3', '2018-06-01,moved')},`].join('\n');
    expect((await importEnrolments(t.db, withColumn, opts)).ok).toBe(true);
    expect([await completionOf('IMP-1'), await completionOf('IMP-2'), await completionOf('IMP-3')]).toEqual([true, false, null]);

    const withoutColumn = [header, row('IMP-1', '2018-06-01,work'), row('IMP-2', '2018-06-02,moved')].join('\n');
    const again = await importEnrolments(t.db, withoutColumn, opts);
    expect(again).toMatchObject({ ok: true, unchanged: 1, updated: 1 });
    expect([await completionOf('IMP-1'), await completionOf('IMP-2')]).toEqual([true, false]);
  });

  it('refuses a bad value, and a completion without an exit, naming row and column', async () => {
    const file = [`${header},exit_completed`, `${row('IMP-9', '2018-06-01,work')},kanske`, `${row('IMP-10', ',')},ja`].join('\n');
    const result = await importEnrolments(t.db, file, opts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'exit_completed', reason: expect.stringContaining('ange ja eller nej') }),
      expect.objectContaining({ row: 3, column: 'exit_completed', reason: expect.stringContaining('situationen efter avslut') }),
    ]);
  });
});
