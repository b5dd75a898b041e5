import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { worldFixture } from '../../test/fixture.js';
import { canaryPersonnummer } from '../../test/canaries.js';
import { personalData } from '../access/personal-data.js';

// The personal-data registry drives what subject access shows, what identity removal clears and
// what protected identity forbids: a table declared there is covered by all three. Each check
// reads the registry, so a table added to it is checked without changing this file.

const t = worldFixture();
const kommun = t.as('kommunWorker');
const admin = t.as('orgAdmin');

/** Enrols a person through the API with every identity and free-text field filled in. */
async function fullyRecordedPerson(n: number) {
  const created = await kommun.post('/api/v1/enrolments', {
    mode: 'consent',
    interventionId: t.world.interventions.kommunInsats,
    gender: 'man',
    startDate: '2024-02-01',
    person: { personnummer: canaryPersonnummer(100 + n), participantRef: `REG-${n}`, firstName: `Regina${n}`, lastName: `Registersson${n}` },
    consent: { givenDate: '2024-02-01', method: 'written', documentRef: `Pärm ${n}, flik 7`, partyIds: [t.world.orgs.af] },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await kommun.patch(`/api/v1/enrolments/${id}`, { notes: `Anteckning ${n}` })).status).toBe(200);
  expect((await kommun.post(`/api/v1/enrolments/${id}/exit`, { exitDate: '2024-05-01', exitReason: 'work', exitDetail: `Anställd hos Firma ${n}` })).status).toBe(200);
  // The shared case (issue 10): a plan with a sub-goal and a meeting with an agreed action.
  const plan = await kommun.request('PUT', `/api/v1/enrolments/${id}/plan`, { mainGoal: `Mål ${n}`, ownWords: `Egna ord ${n}`, subGoals: [{ text: `Delmål ${n}` }] });
  expect(plan.status).toBe(200);
  const meeting = await kommun.post(`/api/v1/enrolments/${id}/meetings`, { type: 'sip', heldAt: '2024-03-01T10:00', notes: `Mötesanteckning ${n}`, actions: [{ text: `Åtgärd ${n}` }] });
  expect(meeting.status).toBe(201);
  const personId = (await t.db.selectFrom('enrolments').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()).person_id;
  return { enrolmentId: id, personId };
}

/** Every identity and free-text value the registry declares, stored for the person, by table and column. */
async function declaredValues(personId: string) {
  const values: { at: string; value: string | null }[] = [];
  for (const table of personalData) {
    if (!('column' in table.person) || table.retention === 'audit') continue;
    for (const column of [...table.identity, ...table.freeText]) {
      const rows = await sql<{ v: string | null }>`select ${sql.ref(column)} as v from ${sql.table(table.table)} where ${sql.ref(table.person.column)} = ${personId}`.execute(t.db);
      for (const row of rows.rows) values.push({ at: `${table.table}.${column}`, value: row.v });
    }
  }
  return values;
}

describe('the personal-data registry', () => {
  it('declares something to check (identity and free text in several tables)', () => {
    const declared = personalData.filter((t) => t.identity.length + t.freeText.length > 0).map((t) => t.table);
    expect(declared.length).toBeGreaterThanOrEqual(3);
  });

  it('subject access shows every declared identity and free-text value of the person', async () => {
    const { personId } = await fullyRecordedPerson(1);
    const values = await declaredValues(personId);
    expect(values.every((v) => v.value !== null)).toBe(true);
    const answer = await admin.get(`/api/v1/persons/${personId}/subject-access`);
    expect(answer.status).toBe(200);
    const text = JSON.stringify(answer.body);
    expect(values.filter((v) => !text.includes(v.value!))).toEqual([]);
  });

  it('withdrawing consent clears every declared identity and free-text column of the person', async () => {
    const { enrolmentId, personId } = await fullyRecordedPerson(2);
    expect((await kommun.post(`/api/v1/enrolments/${enrolmentId}/consent/withdraw`, { date: '2024-06-01' })).status).toBe(200);
    expect((await declaredValues(personId)).filter((v) => v.value !== null)).toEqual([]);
  });

  it('protected identity clears them too, and the database refuses them again', async () => {
    const { enrolmentId, personId } = await fullyRecordedPerson(3);
    expect((await kommun.post(`/api/v1/enrolments/${enrolmentId}/protect`, { date: '2024-06-01' })).status).toBe(200);
    expect((await declaredValues(personId)).filter((v) => v.value !== null)).toEqual([]);
    for (const table of personalData) {
      if (!('column' in table.person) || table.retention === 'audit') continue;
      for (const column of [...table.identity, ...table.freeText]) {
        const write = sql`update ${sql.table(table.table)} set ${sql.ref(column)} = 'Skyddad Uppgift' where ${sql.ref(table.person.column)} = ${personId}`;
        const refused = await write.execute(t.db).then(
          (r) => Number(r.numAffectedRows ?? 0) === 0, // no row to refuse (e.g. no consent left)
          () => true,
        );
        expect(refused, `${table.table}.${column}`).toBe(true);
      }
    }
  });
});
