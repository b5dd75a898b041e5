import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import type { Client } from '../../test/http.js';

// The log reviewer's workplace starts with whom to review: a person of the own organisation by
// personnummer or name, or a user. Another controller's person is not there, as a stranger; the
// search is audited like every search of person data, with its hits and never what was typed.

const t = worldFixture();
const reviewer = t.as('logReviewer');
const kommunWorker = t.as('kommunWorker');
const afWorker = t.as('afWorker');

const own = { personnummer: '19900101-0017', firstName: 'Greta', lastName: 'Granlund' };
const afs = { personnummer: '19850505-1238', firstName: 'Gustav', lastName: 'Granqvist' };
let greta: { personId: string; enrolmentId: string };

const enrol = async (client: Client, interventionId: string, person: typeof own) => {
  const response = await client.post('/api/v1/enrolments', {
    mode: 'consent',
    interventionId,
    gender: 'woman',
    startDate: '2024-03-01',
    person,
    consent: { givenDate: '2024-03-01', method: 'written', partyIds: [] },
  });
  expect(response.status).toBe(201);
  const row = await t.db.selectFrom('enrolments').select('person_id').where('id', '=', response.body.id).executeTakeFirstOrThrow();
  return { personId: row.person_id, enrolmentId: response.body.id as string };
};

beforeAll(async () => {
  greta = await enrol(kommunWorker, t.world.interventions.kommunInsats, own);
  await enrol(afWorker, t.world.interventions.afInsats, afs);
  expect((await afWorker.get(`/api/v1/enrolments/${greta.enrolmentId}`)).status).toBe(404);
});

const search = async (q: string) => {
  const response = await reviewer.post('/api/v1/audit/persons/search', { q });
  expect(response.status, q).toBe(200);
  return response.body as { items: { id: string; personnummer: string | null; name: string | null; participantRef: string | null }[]; more: boolean };
};
const auditCount = async () => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/v1/audit/persons/search', () => {
  it('finds a person of the own organisation by personnummer in any usual form, and by part of the name', async () => {
    for (const q of ['19900101-0017', '199001010017', '900101-0017', '9001010017', ' 19900101-0017 ']) {
      expect((await search(q)).items, q).toEqual([{ id: greta.personId, personnummer: own.personnummer, name: 'Greta Granlund', participantRef: null }]);
    }
    expect((await search('greta gran')).items.map((p) => p.id)).toEqual([greta.personId]);
    expect((await search('Granlund')).items.map((p) => p.id)).toEqual([greta.personId]);
  });

  it("does not find another controller's person, by personnummer or by name: answered as a stranger", async () => {
    expect(await search(afs.personnummer)).toEqual({ items: [], more: false });
    expect(await search('Gustav')).toEqual({ items: [], more: false });
    expect(await search('19700202-2346')).toEqual({ items: [], more: false });
    // Names in common: only the own organisation's person.
    expect((await search('Gran')).items.map((p) => p.name)).toEqual(['Greta Granlund']);
  });

  it('audits the search with its number of hits and each person shown, never what was searched for', async () => {
    const before = await t.db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
    await search(own.personnummer);
    await search('Gustav');
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity', 'person_id', 'outcome', 'actor_user_id', 'actor_role', 'details'])
      .where('id', '>', Number(before.max))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => ({ ...r, details: r.details }))).toEqual([
      { action: 'search', entity: 'person', person_id: null, outcome: 'allowed', actor_user_id: t.world.users.logReviewer.id, actor_role: 'log_reviewer', details: { query: 'log-review', hits: 1 } },
      { action: 'search', entity: 'person', person_id: greta.personId, outcome: 'allowed', actor_user_id: t.world.users.logReviewer.id, actor_role: 'log_reviewer', details: null },
      { action: 'search', entity: 'person', person_id: null, outcome: 'allowed', actor_user_id: t.world.users.logReviewer.id, actor_role: 'log_reviewer', details: { query: 'log-review', hits: 0 } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/19900101|Gustav|Greta/);
  });

  it("the person found opens the review of every access to them, in a period, and the search shows in the person's own log", async () => {
    const [hit] = (await search('Greta')).items;
    const today = new Date().toISOString().slice(0, 10);
    const all = await reviewer.post('/api/v1/audit/person-accesses', { personId: hit.id, from: today, to: today });
    expect(all.status).toBe(200);
    const kinds = all.body.items.map((r: { action: string; entity: string; user: { id: string } | null }) => `${r.user?.id === t.world.users.kommunWorker.id ? 'worker' : r.user?.id === t.world.users.logReviewer.id ? 'reviewer' : 'other'}:${r.action}:${r.entity}`);
    expect(kinds).toEqual(expect.arrayContaining(['worker:create:enrolment', 'reviewer:search:person']));
    const earlier = await reviewer.post('/api/v1/audit/person-accesses', { personId: hit.id, from: '2020-01-01', to: '2020-12-31' });
    expect(earlier.body.items).toEqual([]);
  });

  it('answers bad input with a 400 in Swedish and writes nothing', async () => {
    const before = await auditCount();
    for (const body of [{ q: 'G' }, { q: '' }, {}, { q: 'x'.repeat(101) }, { q: 'Gr\u0000eta' }, { q: 19900101 }]) {
      const response = await reviewer.post('/api/v1/audit/persons/search', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path).toBe('body.q');
      expect(JSON.stringify(response.body)).not.toMatch(/Greta|19900101/);
    }
    expect((await reviewer.post('/api/v1/audit/persons/search', { q: 'G' })).body.errors[0].message).toBe('Skriv ett personnummer eller minst två tecken av ett namn');
    expect(await auditCount()).toBe(before);
  });

  it('is refused to every role but log_reviewer', async () => {
    for (const user of ['kommunWorker', 'orgAdmin', 'systemAdmin', 'lead'] as const) {
      expect((await t.as(user).post('/api/v1/audit/persons/search', { q: own.personnummer })).status, user).toBe(403);
      expect((await t.as(user).get('/api/v1/audit/users')).status, user).toBe(403);
    }
  });
});

describe('GET /api/v1/audit/users', () => {
  it("lists the own organisation's users and other parties' staff working in its interventions, no one else", async () => {
    const response = await reviewer.get('/api/v1/audit/users');
    expect(response.status).toBe(200);
    const emails = response.body.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining([t.world.users.kommunWorker.email, t.world.users.orgAdmin.email, t.world.users.afWorker.email]));
    const orgs = new Set(response.body.items.map((u: { organisation: { code: string } }) => u.organisation.code));
    // FK's case worker works in KOMMUN's intervention too; the förbund's users do not.
    expect([...orgs].sort()).toEqual(['AF', 'FK', 'KOMMUN']);
    expect(emails).not.toContain(t.world.users.associationAdmin.email);
    expect(emails).not.toContain(t.world.users.afOrgAdmin.email);
  });
});
