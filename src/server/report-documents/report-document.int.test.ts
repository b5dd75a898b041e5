import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';

// Report documents (issue 12, items 5–6): drafted by the intervention's lead from a template,
// submitted (frozen with its sha256), returned or approved and published by the förbund, read by
// its board; frozen versions never change, later registrations show as differences, and whoever
// may not see a report learns nothing about it (404, audited).

const t = worldFixture();
const lead = t.as('lead');
const forbund = t.as('associationAdmin');
const board = t.as('reportReader');
const worker = t.as('kommunWorker');
const af = t.as('afWorker');

const listUrl = () => `/api/v1/interventions/${t.world.interventions.kommunInsats}/report-documents`;
const docUrl = (id: string, rest = '') => `/api/v1/report-documents/${id}${rest}`;
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
let reportId: string;

beforeAll(() => seedNineExits(t.db, t.world, 'RAP'));

const deniedAudits = (userId: string) =>
  t.db.selectFrom('audit_events').select(['action', 'details']).where('entity', '=', 'report_document').where('outcome', '=', 'denied').where('actor_user_id', '=', userId).execute();
const statusOf = async (id: string) => (await t.db.selectFrom('report_documents').select(['status', 'narratives']).where('id', '=', id).executeTakeFirstOrThrow());
const tableOf = (body: { document: { sections: { heading: string; blocks: { kind: string; table?: { caption: string; rows: Record<string, unknown>[] } }[] }[] } }, caption: string) =>
  body.document.sections.flatMap((s) => s.blocks).find((b) => b.table?.caption === caption)!.table!;

describe('a tertial report from draft to the board', () => {
  it('is drafted by the lead from the built-in template, with the figures filled in suppressed', async () => {
    const templates = await lead.get('/api/v1/report-templates');
    const tertial = templates.body.templates.find((x: { name: string; association: unknown }) => x.name === 'Tertialrapport' && x.association === null);
    expect(tertial.sections.map((s: { heading: string }) => s.heading)).toContain('Hinder för samverkan/utmaningar');
    expect((await lead.post(listUrl(), { templateId: tertial.id, period: '2023' })).status).toBe(400);
    const created = await lead.post(listUrl(), { templateId: tertial.id, period: '2023-T2' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    reportId = created.body.id;
    expect((await lead.post(listUrl(), { templateId: tertial.id, period: '2023-T2' })).status).toBe(409);

    const draft = await lead.get(docUrl(reportId));
    expect(draft.body).toMatchObject({ status: 'draft', version: 0, shown: null, title: 'Tertialrapport 2023 T2 – Insats KOMMUNINSATS' });
    const exited = tableOf(draft.body, 'Flöde').rows.find((r) => r.line === 'Avslutade under perioden');
    // Eight women and one man left for work in May 2023: the man is a small cell, hidden with what would reveal him.
    expect(exited).toMatchObject({ man: { hidden: 'suppressed' } });
    expect((await lead.get(listUrl())).body).toMatchObject({ can: { create: true }, documents: [{ id: reportId, status: 'draft' }] });
  });

  it('keeps the narrative as plain text, refuses a section the template lacks, and lets no one else write', async () => {
    const text = 'Vi har <b>inte</b> nått målet.\n\nNästa tertial: fler arbetsgivarkontakter.';
    expect((await lead.request('PUT', docUrl(reportId, '/narratives'), { narratives: { resultat: text } })).status).toBe(200);
    expect((await lead.request('PUT', docUrl(reportId, '/narratives'), { narratives: { okant: 'x' } })).status).toBe(400);
    expect((await forbund.request('PUT', docUrl(reportId, '/narratives'), { narratives: { resultat: 'förbundets text' } })).status).toBe(403);
    const view = await lead.get(docUrl(reportId));
    expect(view.body.document.sections.find((s: { heading: string }) => s.heading === 'Resultat/uppnådda effekter').blocks).toEqual([{ kind: 'text', text }]);
  });

  it('carries the förbund’s question and the lead’s reply', async () => {
    const asked = await forbund.post(docUrl(reportId, '/questions'), { question: 'Hur går det med rekryteringen?' });
    expect(asked.status).toBe(201);
    expect((await lead.post(docUrl(reportId, '/questions'), { question: 'Egen fråga' })).status).toBe(403);
    expect((await lead.request('PUT', docUrl(reportId, `/questions/${asked.body.id}/reply`), { reply: 'Två nya handledare är på plats.' })).status).toBe(200);
    const questions = tableOf((await lead.get(docUrl(reportId))).body, 'Frågor från förbundet');
    expect(questions.rows).toMatchObject([{ question: 'Hur går det med rekryteringen?', reply: 'Två nya handledare är på plats.' }]);
  });

  it('is hidden from board members and other staff while a draft: not found, audited', async () => {
    for (const [client, user] of [[board, t.world.users.reportReader], [worker, t.world.users.kommunWorker], [af, t.world.users.afWorker]] as const) {
      expect((await client.get(docUrl(reportId))).status).toBe(404);
      expect((await client.post(docUrl(reportId, '/status'), { to: 'approved' })).status).toBe(404);
      expect(await deniedAudits(user.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'read' }), expect.objectContaining({ action: 'update' })]));
    }
    const before = await statusOf(reportId);
    expect((await worker.request('PUT', docUrl(reportId, '/narratives'), { narratives: { resultat: 'intrång' } })).status).toBe(404);
    expect((await board.post(docUrl(reportId, '/questions'), { question: 'Finns rapporten?' })).status).toBe(404);
    expect((await af.get(docUrl(reportId, '/versions/1/file?format=csv'))).status).toBe(404);
    expect(await statusOf(reportId)).toEqual(before);
    expect(await t.db.selectFrom('report_document_questions').select('question').where('question', '=', 'Finns rapporten?').execute()).toEqual([]);
    expect((await worker.get(listUrl())).status).toBe(404);
    expect((await board.get(listUrl())).body.documents).toEqual([]);
    expect((await board.get('/api/v1/report-documents/published')).body.documents).toEqual([]);
    expect((await statusOf(reportId)).status).toBe('draft');
  });

  it('is frozen with its sha256 when submitted: the database refuses to change a version, the draft is locked', async () => {
    expect((await forbund.post(docUrl(reportId, '/status'), { to: 'submitted' })).status).toBe(403);
    const submitted = await lead.post(docUrl(reportId, '/status'), { to: 'submitted' });
    expect(submitted.body).toEqual({ id: reportId, status: 'submitted', version: 1 });
    const version = await t.db.selectFrom('report_document_versions').selectAll().where('document_id', '=', reportId).executeTakeFirstOrThrow();
    expect(version.sha256).toBe(sha(version.content));
    expect(JSON.parse(version.content).meta).toContainEqual({ label: 'Inlämnad av', value: 'ledare' });

    await expect(sql`update report_document_versions set content = '{}' where document_id = ${reportId}`.execute(t.db)).rejects.toThrow(/never change/);
    await expect(sql`delete from report_document_versions where document_id = ${reportId}`.execute(t.db)).rejects.toThrow(/never change/);
    await expect(sql`update report_document_events set message = 'x' where document_id = ${reportId}`.execute(t.db)).rejects.toThrow(/never change/);
    await expect(
      t.db.insertInto('report_document_versions').values({ document_id: reportId, version: 9, content: '{"a":1}', sha256: sha('{"a":2}'), submitted_by: t.world.users.lead.id }).execute(),
    ).rejects.toThrow();

    expect((await lead.request('PUT', docUrl(reportId, '/narratives'), { narratives: { resultat: 'ändrad' } })).status).toBe(409);
    const view = await forbund.get(docUrl(reportId));
    expect(view.body).toMatchObject({ status: 'submitted', shown: { version: 1, sha256: version.sha256, submittedBy: 'ledare' }, can: { return: true, approve: true, publish: false } });
    expect(view.body.document).toEqual(JSON.parse(version.content));
  });

  it('goes back to the lead with the förbund’s comment, and a new version is submitted', async () => {
    expect((await forbund.post(docUrl(reportId, '/status'), { to: 'returned' })).status).toBe(400);
    expect((await lead.post(docUrl(reportId, '/status'), { to: 'approved' })).status).toBe(403);
    expect((await forbund.post(docUrl(reportId, '/status'), { to: 'returned', message: 'Beskriv hindren tydligare.' })).status).toBe(200);
    expect((await lead.request('PUT', docUrl(reportId, '/narratives'), { narratives: { hinder: 'Lokalerna delas med två andra verksamheter.' } })).status).toBe(200);
    expect((await lead.post(docUrl(reportId, '/status'), { to: 'submitted' })).body.version).toBe(2);
    const view = await lead.get(docUrl(reportId));
    expect(view.body.history.map((h: { status: string; version: number; message: string | null }) => [h.status, h.version, h.message])).toEqual([
      ['submitted', 1, null], ['returned', 1, 'Beskriv hindren tydligare.'], ['submitted', 2, null],
    ]);
  });

  it('is approved and published by the förbund, then read by its board member only as published', async () => {
    expect((await forbund.post(docUrl(reportId, '/status'), { to: 'published' })).status).toBe(403);
    expect((await forbund.post(docUrl(reportId, '/status'), { to: 'approved' })).status).toBe(200);
    expect((await forbund.post(docUrl(reportId, '/status'), { to: 'published' })).status).toBe(200);
    const published = await board.get('/api/v1/report-documents/published');
    expect(published.body.documents).toMatchObject([{ id: reportId, status: 'published', version: 2 }]);
    const read = await board.get(docUrl(reportId));
    expect(read.body).toMatchObject({ status: 'published', shown: { version: 2 }, history: [], narratives: {}, questions: [], can: { edit: false, approve: false } });
    const file = await t.app.inject({ method: 'GET', url: docUrl(reportId, '/versions/2/file?format=csv'), headers: { cookie: await cookieOf('styrelse@forbund.test') } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body.startsWith('\uFEFF')).toBe(true);
    expect(file.body).toContain('Avslut per avslutsgrupp');
    const older = await t.app.inject({ method: 'GET', url: docUrl(reportId, '/versions/1/file?format=csv'), headers: { cookie: await cookieOf('styrelse@forbund.test') } });
    expect(older.statusCode).toBe(404);
    expect(await t.db.selectFrom('audit_events').select('details').where('entity', '=', 'report_document').where('action', '=', 'export').where('outcome', '=', 'allowed').execute()).toHaveLength(1);
  });

  it('shows a later registration as frozen value against today’s, and a new version can be submitted', async () => {
    const person = await t.db.insertInto('persons').values({ controller_org_id: t.world.orgs.kommun, participant_ref: 'RAP-SEN', gender: 'woman' }).returning('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('enrolments')
      .values({ person_id: person.id, intervention_id: t.world.interventions.kommunInsats, controller_org_id: t.world.orgs.kommun, gender: 'woman', age_at_start: 30, start_date: '2023-02-01', exit_date: '2023-06-15', exit_reason: 'work' })
      .execute();
    const read = await board.get(docUrl(reportId));
    expect(read.body.differences).toContainEqual({ section: 'Flöde och volymer', table: 'Flöde', row: 'Avslutade under perioden', column: 'Totalt', kind: 'count', frozen: 9, today: 10, difference: 1 });
    expect(read.body.shown.version).toBe(2);
    expect((await lead.post(docUrl(reportId, '/status'), { to: 'draft' })).status).toBe(200);
    expect((await lead.post(docUrl(reportId, '/status'), { to: 'submitted' })).body.version).toBe(3);
    // The board still reads the published version until the förbund publishes the new one.
    expect((await board.get(docUrl(reportId))).body.shown.version).toBe(2);
  });
});

describe('a delrapport', () => {
  it('covers dates that make a calendar period, and refuses a range whose small cells could be differenced', async () => {
    const template = await t.db.selectFrom('report_templates').select('id').where('code', '=', 'delrapport').executeTakeFirstOrThrow();
    const refused = await lead.post(listUrl(), { templateId: template.id, from: '2023-05-02', to: '2023-08-31' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'period', message: 'Välj en månad, ett tertial, ett kalenderår eller projektperioden' }]);
    const created = await lead.post(listUrl(), { templateId: template.id, from: '2023-03-01', to: '2023-03-31' });
    expect(created.status).toBe(201);
    expect((await lead.get(docUrl(created.body.id))).body).toMatchObject({ period: '2023-03', from: '2023-03-01', to: '2023-03-31', title: 'Delrapport Mars 2023 – Insats KOMMUNINSATS' });
  });
});

describe('report templates', () => {
  it('are adapted by the förbund in its own copy; the built-in ones never change', async () => {
    const list = await forbund.get('/api/v1/report-templates');
    const slut = list.body.templates.find((x: { name: string }) => x.name === 'Slutrapport');
    expect(list.body.copyTo).toMatchObject([{ id: t.world.orgs.forbund }]);
    expect((await forbund.request('PUT', `/api/v1/report-templates/${slut.id}`, { name: 'X', sections: slut.sections })).status).toBe(403);
    expect((await lead.post('/api/v1/report-templates', { basedOn: slut.id, associationId: t.world.orgs.forbund, name: 'Vår slutrapport' })).status).toBe(404);
    const copy = await forbund.post('/api/v1/report-templates', { basedOn: slut.id, associationId: t.world.orgs.forbund, name: 'Vår slutrapport' });
    expect(copy.status).toBe(201);
    const sections = [{ key: 'ekonomi', heading: 'Pengarna', content: 'budget' }, { key: 'egen', heading: 'Vad vi lärt oss', content: 'narrative', guidance: 'Skriv fritt.' }];
    expect((await forbund.request('PUT', `/api/v1/report-templates/${copy.body.id}`, { name: 'Vår slutrapport', sections })).status).toBe(200);
    const seen = (await lead.get('/api/v1/report-templates')).body.templates.find((x: { id: string }) => x.id === copy.body.id);
    expect(seen).toMatchObject({ name: 'Vår slutrapport', association: { id: t.world.orgs.forbund }, can: { edit: false }, sections: [{ heading: 'Pengarna' }, { heading: 'Vad vi lärt oss', content: 'narrative' }] });
    expect((await af.get('/api/v1/report-templates')).body.templates.some((x: { id: string }) => x.id === copy.body.id)).toBe(false);
  });
});

describe('a board member of another förbund', () => {
  it('never sees a published report of this förbund, and this förbund’s board never sees theirs', async () => {
    const template = await t.db.selectFrom('report_templates').select('id').where('code', '=', 'arsrapport').executeTakeFirstOrThrow();
    const other = await t.db
      .insertInto('report_documents')
      .values({ intervention_id: t.world.interventions.annatInsats, template_id: template.id, template_name: 'Årsrapport', sections: '[]', period: '2023', period_from: '2023-01-01', period_to: '2023-12-31', status: 'published', published_version: 1, created_by: t.world.users.lead.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await board.get(docUrl(other.id))).status).toBe(404);
    expect((await forbund.get(docUrl(other.id))).status).toBe(404);
    expect((await board.get('/api/v1/report-documents/published')).body.documents.map((d: { id: string }) => d.id)).toEqual([reportId]);
    expect(await deniedAudits(t.world.users.associationAdmin.id)).toContainEqual({ action: 'read', details: { documentId: other.id } });
  });
});

async function cookieOf(email: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'rätt-hemligt-lösenord' } });
  return `stegvis_session=${response.cookies.find((c) => c.name === 'stegvis_session')!.value}`;
}
