import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.js';
import { worldFixture } from '../../test/fixture.js';
import { seedAccessLog } from '../../test/access-log.js';

const t = worldFixture();
const reviewer = t.as('logReviewer');
let log: Awaited<ReturnType<typeof seedAccessLog>>;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  log = await seedAccessLog(t.app, t.db, t.world);
  const session = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: t.world.users.logReviewer.email, password: 'rätt-hemligt-lösenord' } });
  cookie = `stegvis_session=${session.cookies.find((c) => c.name === 'stegvis_session')!.value}`;
  csrf = session.json().csrfToken;
});

const today = () => new Date().toISOString().slice(0, 10);
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The raw file: the test client parses JSON, a file needs the bytes and headers. */
const download = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload });

const lastReview = () =>
  t.db.selectFrom('audit_events').selectAll().where('action', '=', 'review').orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('CSV export', () => {
  it('has Swedish headers, every row of the selection, and an id-free file name', async () => {
    const response = await download('/api/v1/audit/person-accesses/export', { personId: log.anna.personId, format: 'csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="loggkontroll-personatkomster-start--nu\.csv"$/);
    expect(disposition).not.toMatch(uuid);
    // For Swedish Excel: a byte order mark and semicolons.
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe(
      'Tidpunkt (UTC);Användare;E-post;Organisation;Roll;Åtgärd;Uppgift;Person-id;Namn;Deltagarreferens;Skyddade personuppgifter;Inskrivnings-id;Ändamål;Utfall;Begäran-id',
    );
    expect(response.body).toContain('Anna Andersson');
    expect(response.body).toContain('Läsning;Inskrivning');
    expect(response.body).toContain(';Nekad;');
    expect(response.body).toContain('Org AF (AF);Handläggare');
    const json = await reviewer.post('/api/v1/audit/person-accesses', { personId: log.anna.personId, pageSize: 500 });
    // The JSON call above is itself a review of Anna and comes after the export.
    expect(lines.length - 1).toBe(json.body.total - 1);
  });

  it('defuses a formula typed into the purpose (CSV injection)', async () => {
    const response = await download('/api/v1/audit/person-accesses/export', { personId: log.anna.personId, format: 'csv' });
    expect(response.body).toContain(`"'=HYPERLINK(""http://example.test"")"`);
    expect(response.body).not.toMatch(/(^|[;,])=HYPERLINK/m);
  });

  it('is audited as a review with its format', async () => {
    await download('/api/v1/audit/user-accesses/export', { userId: t.world.users.afWorker.id, from: '2024-01-01', format: 'csv' });
    const event = await lastReview();
    expect(event).toMatchObject({ entity: 'audit_log', actor_role: 'log_reviewer', person_id: null });
    expect(event.details).toMatchObject({ query: 'user-accesses', userId: t.world.users.afWorker.id, from: '2024-01-01', format: 'csv', rows: 1 });
  });
});

describe('PDF export', () => {
  it('is a PDF with Swedish headings and the rows', async () => {
    const response = await download('/api/v1/audit/person-accesses/export', { personId: log.anna.personId, from: '2024-01-01', to: today(), format: 'pdf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(String(response.headers['content-disposition'])).not.toMatch(uuid);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    for (const heading of ['Loggkontroll: åtkomster till en person', 'När (UTC)', 'Vem', 'Vems uppgifter', 'Varför (ändamål)', 'Utfall', 'Org KOMMUN (KOMMUN)']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Anna Andersson');
    expect(text).toContain('Nekad');
    expect((await lastReview()).details).toMatchObject({ query: 'person-accesses', format: 'pdf' });
  });

  it("carries no name another party controls", async () => {
    const afReviewer = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: log.afReviewer.email, password: 'rätt-hemligt-lösenord' } });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/person-accesses/export',
      headers: { cookie: `stegvis_session=${afReviewer.cookies.find((c) => c.name === 'stegvis_session')!.value}`, 'x-csrf-token': afReviewer.json().csrfToken },
      payload: { personId: log.anna.personId, format: 'pdf' },
    });
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).toContain(log.anna.personId);
    expect(text).not.toContain('Andersson');
  });
});

describe('sample check', () => {
  const sample = (body: object) => reviewer.post('/api/v1/audit/sample', { from: today(), to: today(), ...body });

  it('draws the same k accesses again from the same seed', async () => {
    const first = await sample({ k: 3, seed: 'vår-2026' });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.seed).toBe('vår-2026');
    const again = await sample({ k: 3, seed: 'vår-2026' });
    expect(again.body.items.map((r: { id: number }) => r.id)).toEqual(first.body.items.map((r: { id: number }) => r.id));
    expect(again.body.population).toBe(first.body.population);
    const seeds = await Promise.all(['a', 'b', 'c', 'd'].map((seed) => sample({ k: 3, seed })));
    const draws = new Set(seeds.map((s) => JSON.stringify(s.body.items.map((r: { id: number }) => r.id).sort())));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('picks a seed when none is given and tells it, so the draw can be repeated', async () => {
    const first = await sample({ k: 2 });
    expect(first.body.seed).toMatch(/^[0-9a-f]{16}$/);
    const again = await sample({ k: 2, seed: first.body.seed });
    expect(again.body.items).toEqual(first.body.items);
  });

  it('draws from accesses to person data in scope only, and never more than there are', async () => {
    const all = await sample({ k: 1000, seed: 'x' });
    expect(all.body.items).toHaveLength(all.body.population);
    const ids = all.body.items.map((r: { id: number }) => r.id);
    const events = await t.db.selectFrom('audit_events').select(['controller_org_id', 'actor_org_id', 'person_id', 'enrolment_id']).where('id', 'in', ids).execute();
    for (const e of events) {
      expect(e.controller_org_id === t.world.orgs.kommun || e.actor_org_id === t.world.orgs.kommun).toBe(true);
      expect(e.person_id ?? e.enrolment_id).not.toBeNull();
    }
    expect((await lastReview()).details).toMatchObject({ query: 'sample', k: 1000, seed: 'x', population: all.body.population });
  });

  it('exports the sample as CSV and PDF', async () => {
    const csv = await download('/api/v1/audit/sample/export', { from: today(), to: today(), k: 2, seed: 's', format: 'csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\n')).toHaveLength(3);
    const pdf = await download('/api/v1/audit/sample/export', { from: today(), to: today(), k: 2, seed: 's', format: 'pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Startvärde (seed) för att upprepa stickprovet: s');
  });
});
