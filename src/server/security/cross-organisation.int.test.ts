import { beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../core/personnummer.js';
import { worldFixture } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';

// Security review, findings 1, 3, 4 and 6 (SECURITY.md): a user who cannot see a person cannot
// learn that the person exists, cannot change the person's records, and the attempt is audited.

const t = worldFixture();
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const forbund = t.as('associationAdmin');

const pnr = (yymmdd: string, serial: string) => {
  const ten = `${yymmdd.slice(2)}${serial}`;
  return `${yymmdd.slice(0, 8)}-${serial}${luhnCheckDigit(ten)}`;
};
const P = { pnr: pnr('19800202', '123'), ref: 'KOM-0001', first: 'Pia', last: 'Persson' };
let pId: string;
let pEnrolment: string;

beforeAll(async () => {
  // P is the municipality's participant; her consent names the municipality only.
  const p = await addParticipant(t.db, {
    controllerId: t.world.orgs.kommun,
    personnummer: P.pnr,
    participantRef: P.ref,
    firstName: P.first,
    lastName: P.last,
    enrolments: [{ interventionId: t.world.interventions.kommunInsats, start: '2024-01-10', notes: 'Anteckning om P' }],
    consent: { givenDate: '2024-01-10', partyIds: [] },
  });
  pId = p.personId;
  pEnrolment = p.enrolmentIds[0];
});

const enrol = (person: Record<string, unknown>, partyIds: string[], startDate = '2025-02-03') => ({
  mode: 'consent',
  interventionId: t.world.interventions.kommunInsats,
  gender: 'woman',
  startDate,
  person,
  consent: { givenDate: startDate, method: 'written', partyIds },
});

const auditRows = (where: { personId?: string; userId?: string }) => {
  let query = t.db.selectFrom('audit_events').select(['action', 'entity', 'outcome', 'person_id', 'actor_user_id', 'details']);
  if (where.personId) query = query.where('person_id', '=', where.personId);
  if (where.userId) query = query.where('actor_user_id', '=', where.userId);
  return query.orderBy('id').execute();
};

const personOf = async (enrolmentId: string) =>
  (await t.db.selectFrom('enrolments').select('person_id').where('id', '=', enrolmentId).executeTakeFirstOrThrow()).person_id;

const consentsOfP = () =>
  t.db
    .selectFrom('consents as c')
    .innerJoin('consent_parties as cp', 'cp.consent_id', 'c.id')
    .select(['c.id', 'cp.organisation_id'])
    .where('c.person_id', '=', pId)
    .where('c.withdrawn_at', 'is', null)
    .execute();

describe('finding 1: registering a personnummer one cannot see', () => {
  it('P is out of scope for the Arbetsförmedlingen case worker', async () => {
    expect((await af.get(`/api/v1/enrolments/${pEnrolment}`)).status).toBe(404);
    expect((await af.post('/api/v1/enrolments/search', { q: P.pnr })).body.total).toBe(0);
  });

  for (const [what, person] of [
    ['personnummer', { personnummer: P.pnr }],
    ['participant reference', { participantRef: P.ref }],
  ] as const) {
    it(`by ${what}: answers exactly as for a stranger, attaches nothing to P, changes nothing, and is audited as denied`, async () => {
      const before = await auditRows({ personId: pId });
      const stranger = await af.post('/api/v1/enrolments', enrol(what === 'personnummer' ? { personnummer: pnr('19850505', '456') } : { participantRef: 'AF-NY-1' }, [t.world.orgs.af]));
      const attack = await af.post('/api/v1/enrolments', enrol(person, [t.world.orgs.af]));
      expect(attack.status).toBe(stranger.status);
      expect(attack.status).toBe(201);
      expect(Object.keys(attack.body).sort()).toEqual(Object.keys(stranger.body).sort());

      // A new person of the municipality, not P.
      const newPerson = await personOf(attack.body.id);
      expect(newPerson).not.toBe(pId);
      const view = (await af.get(`/api/v1/enrolments/${attack.body.id}`)).body;
      expect(JSON.stringify(view)).not.toContain(P.first);
      expect(view.person.name ?? '').not.toContain(P.last);
      if (what === 'personnummer') expect(view.person.participantRef).toBeNull();

      // P stays out of sight, P's consent is untouched.
      expect((await af.get(`/api/v1/enrolments/${pEnrolment}`)).status).toBe(404);
      expect((await af.post('/api/v1/enrolments/search', { q: P.last })).body.total).toBe(0);
      expect((await consentsOfP()).map((c) => c.organisation_id)).toEqual([t.world.orgs.kommun]);

      // Writes on the new enrolment reach the new person only.
      expect((await af.patch(`/api/v1/enrolments/${attack.body.id}`, { firstName: 'Hackad', lastName: 'Hackadsson' })).status).toBe(200);
      const p = await t.db.selectFrom('persons').select(['first_name', 'last_name']).where('id', '=', pId).executeTakeFirstOrThrow();
      expect(p).toEqual({ first_name: P.first, last_name: P.last });
      expect((await af.post(`/api/v1/enrolments/${attack.body.id}/protect`, {})).status).toBe(200);
      const pOpen = await t.db.selectFrom('enrolments').select(['exit_date', 'notes']).where('id', '=', pEnrolment).executeTakeFirstOrThrow();
      expect(pOpen).toEqual({ exit_date: null, notes: 'Anteckning om P' });

      // The controller's log shows the attempt on P as denied, and nothing else about P.
      const after = (await auditRows({ personId: pId })).slice(before.length);
      expect(after).toEqual([
        expect.objectContaining({ action: 'search', entity: 'person', outcome: 'denied', actor_user_id: t.world.users.afWorker.id }),
      ]);
    });
  }

  it('the municipality, which controls P, still registers P again as P', async () => {
    // One open enrolment per person and intervention (issue 9): P's first one ends before.
    expect((await kommun.post(`/api/v1/enrolments/${pEnrolment}/exit`, { exitDate: '2025-06-01', exitReason: 'work' })).status).toBe(200);
    const again = await kommun.post('/api/v1/enrolments', enrol({ personnummer: P.pnr }, [], '2025-06-02'));
    expect(again.status).toBe(201);
    expect(await personOf(again.body.id)).toBe(pId);
  });
});

describe('finding 3: one consent per person, and a removed party is removed everywhere', () => {
  it('a second registration revises the one consent instead of adding another', async () => {
    const q = { personnummer: pnr('19770707', '789'), firstName: 'Qia', lastName: 'Qvist' };
    const first = await kommun.post('/api/v1/enrolments', enrol(q, [], '2025-01-07'));
    await kommun.post(`/api/v1/enrolments/${first.body.id}/exit`, { exitDate: '2025-03-01', exitReason: 'work' });
    const second = await kommun.post('/api/v1/enrolments', { ...enrol(q, [t.world.orgs.af], '2025-03-03'), interventionId: t.world.interventions.kommunInsats });
    expect([first.status, second.status]).toEqual([201, 201]);
    const person = await personOf(first.body.id);
    expect(await personOf(second.body.id)).toBe(person);
    const active = await t.db.selectFrom('consents').select('id').where('person_id', '=', person).where('withdrawn_at', 'is', null).execute();
    expect(active).toHaveLength(1);

    // Arbetsförmedlingen sees both enrolments, until the municipality removes the party.
    expect((await af.get(`/api/v1/enrolments/${first.body.id}`)).status).toBe(200);
    expect((await af.post('/api/v1/enrolments/search', { q: 'Qvist' })).body.total).toBe(2);
    const removed = await kommun.request('DELETE', `/api/v1/enrolments/${second.body.id}/consent/parties/${t.world.orgs.af}`);
    expect(removed.status).toBe(200);
    expect((await af.get(`/api/v1/enrolments/${first.body.id}`)).status).toBe(404);
    expect((await af.get(`/api/v1/enrolments/${second.body.id}`)).status).toBe(404);
    expect((await af.post('/api/v1/enrolments/search', { q: 'Qvist' })).body.total).toBe(0);
  });

  it('the database refuses a second active consent for one person', async () => {
    await expect(
      t.db.insertInto('consents').values({ person_id: pId, controller_org_id: t.world.orgs.kommun, given_date: '2025-01-01', method: 'written' }).execute(),
    ).rejects.toThrow();
  });

  it('a party the consent names may register the person, but not add parties to the consent', async () => {
    const r = { personnummer: pnr('19660606', '321'), firstName: 'Rut', lastName: 'Rask' };
    const first = await kommun.post('/api/v1/enrolments', enrol(r, [t.world.orgs.af], '2025-01-08'));
    await kommun.post(`/api/v1/enrolments/${first.body.id}/exit`, { exitDate: '2025-03-01', exitReason: 'work' });
    const byAf = await af.post('/api/v1/enrolments', enrol(r, [t.world.orgs.af], '2025-04-01'));
    expect(byAf.status).toBe(201);
    await af.post(`/api/v1/enrolments/${byAf.body.id}/exit`, { exitDate: '2025-05-01', exitReason: 'work' });
    const person = await personOf(first.body.id);
    expect(await personOf(byAf.body.id)).toBe(person);
    const addFk = await af.post('/api/v1/enrolments', enrol(r, [t.world.orgs.af, t.world.orgs.fk], '2025-05-02'));
    expect(addFk.status).toBe(403);
    const parties = await t.db
      .selectFrom('consent_parties as cp')
      .innerJoin('consents as c', 'c.id', 'cp.consent_id')
      .select('cp.organisation_id')
      .where('c.person_id', '=', person)
      .execute();
    expect(parties.map((p) => p.organisation_id).sort()).toEqual([t.world.orgs.kommun, t.world.orgs.af].sort());
    const denied = (await auditRows({ personId: person })).filter((a) => a.outcome === 'denied');
    expect(denied).toEqual([expect.objectContaining({ entity: 'consent', actor_user_id: t.world.users.afWorker.id })]);
  });
});

describe('finding 4: the import is no existence oracle, and is audited', () => {
  const csv = (ref: string, pnrValue: string) =>
    'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after\n' +
    `KOMMUNINSATS,,${ref},${pnrValue},,,woman,,nej,ja,nej,2025-02-10,,,,,,,,\n`;
  const dryRun = (text: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/imports/enrolments?dryRun=true', payload: text, headers: { ...afHeaders(), 'content-type': 'text/csv' } });
  let afHeaders: () => Record<string, string>;

  beforeAll(async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.world.users.afWorker.email, password: 'rätt-hemligt-lösenord' } });
    const cookie = response.cookies.find((c) => c.name === 'stegvis_session')!.value;
    const csrf = response.json().csrfToken;
    afHeaders = () => ({ cookie: `stegvis_session=${cookie}`, 'x-csrf-token': csrf });
  });

  it('answers a dry run for P exactly as for a stranger, and audits both the run and the near-miss', async () => {
    const before = await auditRows({ userId: t.world.users.afWorker.id });
    const known = await dryRun(csv(P.ref, P.pnr));
    const unknown = await dryRun(csv('OKAND-9', pnr('19910909', '111')));
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.json()).toEqual(unknown.json());
    const after = (await auditRows({ userId: t.world.users.afWorker.id })).slice(before.length);
    expect(after.filter((a) => a.entity === 'import')).toHaveLength(2);
    expect(after.filter((a) => a.person_id === pId)).toEqual([expect.objectContaining({ action: 'search', entity: 'person', outcome: 'denied' })]);
  });
});

describe('finding 6: every access to person data is audited', () => {
  it('a search with no hits writes an audit row', async () => {
    const before = await auditRows({ userId: t.world.users.afWorker.id });
    const answer = await af.post('/api/v1/enrolments/search', { q: 'Ingen Sådan Person' });
    expect(answer.body.total).toBe(0);
    const after = (await auditRows({ userId: t.world.users.afWorker.id })).slice(before.length);
    expect(after).toEqual([expect.objectContaining({ action: 'search', entity: 'enrolment', outcome: 'allowed', details: { hits: 0 } })]);
  });

  it('a role without the permission gets 403, and the attempt is audited as denied', async () => {
    const id = t.world.users.associationAdmin.id;
    const before = await auditRows({ userId: id });
    expect((await forbund.get(`/api/v1/enrolments/${pEnrolment}`)).status).toBe(403);
    expect((await forbund.post('/api/v1/enrolments/search', { q: P.pnr })).status).toBe(403);
    const after = (await auditRows({ userId: id })).slice(before.length);
    expect(after).toEqual([
      expect.objectContaining({ action: 'read', entity: 'enrolment', outcome: 'denied' }),
      expect.objectContaining({ action: 'search', entity: 'enrolment', outcome: 'denied' }),
    ]);
  });
});
