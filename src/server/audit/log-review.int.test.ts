import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { anonymousClient, login, type Client } from '../../test/http.js';
import { seedAccessLog } from '../../test/access-log.js';

const t = worldFixture();
const kommunReviewer = t.as('logReviewer');
let log: Awaited<ReturnType<typeof seedAccessLog>>;
let afReviewer: Client;

type Row = { id: number; at: string; user: { id: string; name: string; email: string } | null; organisation: { id: string } | null; role: string | null; action: string; entity: string; person: { id: string; name: string | null; participantRef: string | null } | null; enrolmentId: string | null; purpose: string | null; outcome: string };

beforeAll(async () => {
  log = await seedAccessLog(t.app, t.db, t.world);
  afReviewer = await login(t.app, log.afReviewer.email);
});

const today = () => new Date().toISOString().slice(0, 10);
/** Staff accesses only: leaves out the reviews the tests themselves make on the way. */
const accesses = (rows: Row[]) => rows.filter((r) => r.action !== 'review');
const personAccesses = async (client: Client, personId: string, extra: object = {}) => {
  const response = await client.post('/api/v1/audit/person-accesses', { personId, ...extra });
  expect(response.status).toBe(200);
  return response.body as { items: Row[]; total: number };
};
const userAccesses = async (client: Client, userId: string) => {
  const response = await client.post('/api/v1/audit/user-accesses', { userId });
  expect(response.status).toBe(200);
  return response.body as { items: Row[]; total: number };
};

describe('who may review the log', () => {
  const urls = ['/api/v1/audit/person-accesses', '/api/v1/audit/user-accesses', '/api/v1/audit/sample', '/api/v1/audit/sample/export'];
  const body = () => ({ personId: log.anna.personId, userId: t.world.users.kommunWorker.id, from: today(), to: today(), k: 5, format: 'csv' });

  it('needs a session', async () => {
    for (const url of urls) expect((await anonymousClient(t.app).post(url, body())).status).toBe(401);
  });

  it('refuses every role but log_reviewer', async () => {
    for (const user of [t.world.users.kommunWorker, t.world.users.orgAdmin, t.world.users.systemAdmin, t.world.users.lead]) {
      const client = await login(t.app, user.email);
      for (const url of urls) expect((await client.post(url, body())).status).toBe(403);
    }
  });

  it('rejects malformed queries with field errors', async () => {
    const bad = await kommunReviewer.post('/api/v1/audit/person-accesses', { personId: 'anna', from: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.personId', 'body.from']));
    const backwards = await kommunReviewer.post('/api/v1/audit/sample', { from: '2026-02-01', to: '2026-01-01', k: 5 });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e: { path: string }) => e.path)).toContain('body.to');
  });
});

describe('all accesses to one person', () => {
  it("shows the controller's reviewer every access, with who, what, whom, when, why and outcome", async () => {
    const rows = accesses((await personAccesses(kommunReviewer, log.anna.personId)).items);
    const byUser = (userId: string) => rows.filter((r) => r.user?.id === userId);
    expect(byUser(t.world.users.kommunWorker.id).map((r) => `${r.action}:${r.entity}`)).toEqual(
      expect.arrayContaining(['create:enrolment', 'create:consent', 'read:person']),
    );
    const afRead = byUser(t.world.users.afWorker.id);
    expect(afRead).toHaveLength(1);
    expect(afRead[0]).toMatchObject({
      user: { email: t.world.users.afWorker.email, name: 'handlaggare' },
      organisation: { id: t.world.orgs.af, code: 'AF', name: 'Org AF' },
      role: 'case_worker',
      action: 'read',
      entity: 'enrolment',
      person: { id: log.anna.personId, name: 'Anna Andersson', participantRef: 'K-1' },
      purpose: 'enrolment:read',
      outcome: 'allowed',
    });
    expect(afRead[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The denied read recorded only the enrolment; the controller still sees whose it was.
    const denied = byUser(t.world.users.fkWorker.id);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: 'denied', enrolmentId: log.anna.enrolmentId, person: { id: log.anna.personId, name: 'Anna Andersson' } });
  });

  it("shows another party's reviewer only its own users' accesses, without the name", async () => {
    const rows = accesses((await personAccesses(afReviewer, log.anna.personId)).items);
    expect(rows.map((r) => r.user?.id)).toEqual([t.world.users.afWorker.id]);
    expect(rows[0].person).toEqual({ id: log.anna.personId, name: null, participantRef: null });
  });

  it('keeps the name out once identity is removed (retention)', async () => {
    await t.db.updateTable('persons').set({ identity_removed_at: new Date() }).where('id', '=', log.bertil.personId).execute();
    const rows = accesses((await personAccesses(afReviewer, log.bertil.personId)).items);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.person?.name === null && r.person?.participantRef === null)).toBe(true);
    await t.db.updateTable('persons').set({ identity_removed_at: null }).where('id', '=', log.bertil.personId).execute();
  });

  it('limits the period to whole UTC days, inclusive', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await personAccesses(kommunReviewer, log.anna.personId, { from: tomorrow })).total).toBe(0);
    expect((await personAccesses(kommunReviewer, log.anna.personId, { to: '2020-01-01' })).total).toBe(0);
    expect((await personAccesses(kommunReviewer, log.anna.personId, { from: today(), to: today() })).total).toBeGreaterThan(3);
  });

  it('pages through the rows oldest first', async () => {
    const all = await personAccesses(kommunReviewer, log.anna.personId, { pageSize: 500 });
    const second = await personAccesses(kommunReviewer, log.anna.personId, { page: 2, pageSize: 2 });
    expect(second.items.map((r) => r.id)).toEqual(all.items.slice(2, 4).map((r) => r.id));
    expect(all.items.map((r) => r.at)).toEqual([...all.items.map((r) => r.at)].sort());
  });
});

describe('all persons a user accessed', () => {
  it("shows a party's own user's accesses to records it does not control, by id only", async () => {
    const rows = accesses((await userAccesses(kommunReviewer, t.world.users.kommunWorker.id)).items);
    const onBertil = rows.find((r) => r.enrolmentId === log.bertil.enrolmentId)!;
    expect(onBertil).toMatchObject({ outcome: 'denied', person: null });
  });

  it("shows the controller another party's user's accesses to its records only", async () => {
    const afUser = accesses((await userAccesses(kommunReviewer, t.world.users.afWorker.id)).items);
    expect(afUser.map((r) => r.person?.id)).toEqual([log.anna.personId]);
    const kommunUser = accesses((await userAccesses(afReviewer, t.world.users.kommunWorker.id)).items);
    expect(kommunUser).toHaveLength(1);
    expect(kommunUser[0]).toMatchObject({ outcome: 'denied', person: { id: log.bertil.personId, name: 'Bertil Berg' } });
  });
});

describe("another organisation's accesses", () => {
  it('never appear in any review, to any reviewer', async () => {
    for (const reviewer of [kommunReviewer, afReviewer]) {
      expect((await personAccesses(reviewer, log.cecilia)).total).toBe(0);
      expect((await userAccesses(reviewer, log.annatUser.id)).total).toBe(0);
      const sample = await reviewer.post('/api/v1/audit/sample', { from: today(), to: today(), k: 1000 });
      // The reviewers' own look-ups of Cecilia's id are their accesses, not ANNAT's: left out.
      const seen = accesses([...sample.body.items, ...(await userAccesses(reviewer, t.world.users.afWorker.id)).items]);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.some((r) => r.person?.id === log.cecilia || r.organisation?.id === t.world.orgs.other)).toBe(false);
    }
    // What the AF reviewer sees never includes KOMMUN staff on KOMMUN's own records.
    const afSample = await afReviewer.post('/api/v1/audit/sample', { from: today(), to: today(), k: 1000 });
    const kommunOnAnna = afSample.body.items.filter((r: Row) => r.organisation?.id === t.world.orgs.kommun && r.person?.id === log.anna.personId);
    expect(kommunOnAnna).toEqual([]);
  });
});

describe('the review itself', () => {
  it('is audited as a review, with the query in details and no personal data', async () => {
    await personAccesses(kommunReviewer, log.anna.personId, { from: '2024-01-01' });
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'review').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_user_id: t.world.users.logReviewer.id,
      actor_org_id: t.world.orgs.kommun,
      actor_role: 'log_reviewer',
      entity: 'audit_log',
      person_id: log.anna.personId,
      outcome: 'allowed',
    });
    expect(event.details).toMatchObject({ query: 'person-accesses', from: '2024-01-01', to: null, format: 'json' });
    expect(JSON.stringify(event.details)).not.toMatch(/Anna|Andersson|K-1|@/);
    // It shows in the person's own log for the controller's next review.
    const rows = (await personAccesses(kommunReviewer, log.anna.personId)).items;
    expect(rows.some((r) => r.action === 'review' && r.user?.id === t.world.users.logReviewer.id)).toBe(true);
  });
});
