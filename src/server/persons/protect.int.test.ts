import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { consentRegistration } from '../../test/registration.js';
import { addParticipant } from '../../test/world.js';
import { anonymousClient, login } from '../../test/http.js';
import { computeOutcomesReport } from '../reports/outcomes.service.js';

const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
let person: Awaited<ReturnType<typeof addParticipant>>;

const protectUrl = (id: string) => `/api/v1/enrolments/${id}/protect`;
const outcomes = (scope: { intervention: string } | { association: string }, from: string, to: string) =>
  computeOutcomesReport(t.db, { scope, period: { from, to }, suppress: false });
const countRows = async (table: 'anonymous_registrations' | 'enrolments') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  person = await addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    personnummer: '19920202-2225',
    participantRef: 'K-77',
    firstName: 'Cecilia',
    lastName: 'Ceder',
    enrolments: [
      { interventionId: t.world.interventions.kommunInsats, start: '2023-02-01', exit: '2023-10-31', reason: 'studies', exitDetail: 'Komvux i Ceders hemort', ageAtStart: 31 },
      { interventionId: t.world.interventions.kommunInsats, start: '2024-03-01', ageAtStart: 32, notes: 'Cecilia har ny adress' },
    ],
    consent: { givenDate: '2023-02-01', partyIds: [t.world.orgs.af], documentRef: 'DNR 2023/9' },
  });
  for (const [i, gender] of (['man', 'woman', 'other'] as const).entries()) {
    await addParticipant(t.db, {
      controllerId: t.world.orgs.kommun,
      participantRef: `OTHER-${i}`,
      gender,
      enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: `2023-0${i + 3}-01`, exit: '2024-04-30', reason: 'work', ageAtStart: 25 + i }],
    });
  }
  // Read once before protection: these audit events must keep protected = false.
  expect((await kommun.get(`/api/v1/enrolments/${person.enrolmentIds[1]}`)).status).toBe(200);
});

describe('protected identity', () => {
  it('needs a session, a case worker role, the record in scope, and a date the open enrolment allows', async () => {
    expect((await anonymousClient(t.app).post(protectUrl(person.enrolmentIds[1]), {})).status).toBe(401);
    for (const user of [t.world.users.lead, t.world.users.orgAdmin, t.world.users.logReviewer]) {
      expect((await (await login(t.app, user.email)).post(protectUrl(person.enrolmentIds[1]), {})).status).toBe(403);
    }
    const fk = t.as('fkWorker');
    const outOfScope = await fk.post(protectUrl(person.enrolmentIds[1]), {});
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.body).toEqual((await fk.post(protectUrl('00000000-0000-4000-8000-000000000000'), {})).body);
    for (const date of ['2999-01-01', '2024-02-29']) {
      const invalid = await kommun.post(protectUrl(person.enrolmentIds[1]), { date });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors[0].path).toBe('date');
    }
    const stored = await t.db.selectFrom('persons').select(['protected_identity', 'first_name']).where('id', '=', person.personId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ protected_identity: false, first_name: 'Cecilia' });
  });

  it('removes identity at once, hides the person from everyone, and keeps every past figure', async () => {
    const periods: [string, string][] = [['2023-01-01', '2023-12-31'], ['2024-01-01', '2024-12-31']];
    const scopes = [{ intervention: 'KOMMUNINSATS' }, { association: 'FORBUND' }];
    const before = await Promise.all(scopes.flatMap((s) => periods.map(([from, to]) => outcomes(s, from, to))));
    const containingBefore = await outcomes({ intervention: 'KOMMUNINSATS' }, '2025-01-01', '2025-12-31');
    const registrationsBefore = await countRows('anonymous_registrations');
    const enrolmentsBefore = await countRows('enrolments');

    const response = await kommun.post(protectUrl(person.enrolmentIds[1]), { date: '2025-06-15' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: person.enrolmentIds[1], exitedEnrolments: 1, anonymousFromYear: 2026 });

    const stored = await t.db.selectFrom('persons').selectAll().where('id', '=', person.personId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ protected_identity: true, personnummer: null, participant_ref: null, first_name: null, last_name: null });
    const enrolments = await t.db.selectFrom('enrolments').select(['exit_date', 'exit_reason', 'notes', 'exit_detail']).where('person_id', '=', person.personId).orderBy('start_date').execute();
    expect(enrolments).toEqual([
      { exit_date: '2023-10-31', exit_reason: 'studies', notes: null, exit_detail: null },
      { exit_date: '2025-06-15', exit_reason: 'interrupted', notes: null, exit_detail: null },
    ]);
    expect((await t.db.selectFrom('consents').select('document_ref').where('person_id', '=', person.personId).executeTakeFirstOrThrow()).document_ref).toBeNull();

    // Invisible to everyone at person level, the controller included, although AF's consent stands.
    for (const client of [kommun, af]) {
      expect((await client.get(`/api/v1/enrolments/${person.enrolmentIds[1]}`)).status).toBe(404);
      const list = await client.get(`/api/v1/enrolments?interventionId=${t.world.interventions.kommunInsats}&status=all`);
      expect(list.body.items.map((i: { personId: string }) => i.personId)).not.toContain(person.personId);
    }

    // Past figures unchanged; the enrolment rows carry the person, no head count is added (no double count).
    const after = await Promise.all(scopes.flatMap((s) => periods.map(([from, to]) => outcomes(s, from, to))));
    expect(after).toEqual(before);
    expect(await countRows('anonymous_registrations')).toBe(registrationsBefore);
    expect(await countRows('enrolments')).toBe(enrolmentsBefore);
    const containingAfter = await outcomes({ intervention: 'KOMMUNINSATS' }, '2025-01-01', '2025-12-31');
    expect(containingAfter.flow.active).toEqual(containingBefore.flow.active);
    expect(containingAfter.flow.anonymous).toEqual(containingBefore.flow.anonymous);
    expect(containingAfter.flow.exited.total).toBe(containingBefore.flow.exited.total! + 1);
  });

  it('never lets identity or free text be stored for the person again (database check)', async () => {
    const refused = async (statement: Promise<unknown>) => {
      const error = await statement.then(() => null, (e: { code?: string }) => e);
      expect(error?.code).toBe('23514');
    };
    await refused(t.db.updateTable('persons').set({ first_name: 'Cecilia' }).where('id', '=', person.personId).execute());
    await refused(t.db.updateTable('persons').set({ personnummer: '19920202-2225' }).where('id', '=', person.personId).execute());
    await refused(sql`update persons set participant_ref = 'K-77' where id = ${person.personId}`.execute(t.db));
    await refused(t.db.updateTable('persons').set({ protected_identity: false }).where('id', '=', person.personId).execute());
    await refused(t.db.updateTable('enrolments').set({ notes: 'Cecilia' }).where('person_id', '=', person.personId).execute());
    const stored = await t.db.selectFrom('persons').select(['first_name', 'protected_identity']).where('id', '=', person.personId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ first_name: null, protected_identity: true });
  });

  it('audits every access to the record with the protected flag', async () => {
    const flags = async () =>
      t.db
        .selectFrom('audit_events')
        .select(['id', 'action', 'entity', 'outcome', 'protected', 'person_id', 'enrolment_id'])
        .where((eb) => eb.or([eb('person_id', '=', person.personId), eb('enrolment_id', 'in', person.enrolmentIds)]))
        .orderBy('id')
        .execute();
    const before = await flags();
    const protect = before.find((e) => e.entity === 'person' && e.action === 'update' && e.outcome === 'allowed')!;
    expect(protect.protected).toBe(true);
    expect(before.filter((e) => e.id < protect.id).every((e) => !e.protected)).toBe(true);
    expect(before.filter((e) => e.id >= protect.id).every((e) => e.protected)).toBe(true);

    // A denied read names only the enrolment; the flag is derived all the same.
    await af.get(`/api/v1/enrolments/${person.enrolmentIds[0]}`);
    const orgAdmin = t.as('orgAdmin');
    expect((await orgAdmin.get(`/api/v1/persons/${person.personId}/subject-access`)).status).toBe(200);
    const added = (await flags()).filter((e) => e.id > before.at(-1)!.id);
    expect(added.map((e) => [e.action, e.outcome, e.protected])).toEqual([
      ['read', 'denied', true],
      ['export', 'allowed', true],
    ]);
  });

  it('a later registration of the same people does not match the protected person', async () => {
    const same = { personnummer: '19920202-2225', firstName: 'Cecilia', lastName: 'Ceder' };
    const response = await kommun.post('/api/v1/enrolments', consentRegistration(t.world.interventions.kommunInsats, same, { startDate: '2026-01-10' }));
    expect(response.status).toBe(201);
    const view = await kommun.get(`/api/v1/enrolments/${response.body.id}`);
    expect(view.body.personId).not.toBe(person.personId);
  });
});
