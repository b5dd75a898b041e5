import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import type { World } from '../../test/world.js';
import { tryLogin } from '../../test/security.js';
import { forbiddenCharacterMessage } from '../../core/text.js';
import { rolePermissions, type Role } from '../access/roles.js';
import { buildApp } from '../app.js';
import { configFromEnv } from '../config.js';

// Finding 8: NUL (which PostgreSQL refuses in text) and other control characters in any text value
// get a clear 400 in the usual shape and change nothing — never a 500. The schemas refuse them
// (core/text.ts, core/schemas/common.ts), app.ts refuses them in the URL, the CSV reader in files,
// and the error handler turns whatever still reaches the database into the same 400.
const t = worldFixture();
const sessions = new Map<Role, { token: string; csrfToken: string }>();

const NUL = '\u0000';
const anyId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  const u = t.world.users;
  const emails: [Role, string][] = [
    ['system_admin', u.systemAdmin.email], ['case_worker', u.kommunWorker.email], ['log_reviewer', u.logReviewer.email],
    ['org_admin', u.orgAdmin.email], ['intervention_lead', u.lead.email],
  ];
  for (const [role, email] of emails) {
    const { token, csrfToken } = await tryLogin(t.app, email);
    sessions.set(role, { token: token!, csrfToken: csrfToken! });
  }
});

/** Every table's rows as one hash, except the two a request may touch without changing data. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not in ('sessions', 'login_attempts') order by table_name`.execute(t.db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ h: string | null }>`select md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.table(name)} t`.execute(t.db);
    out[name] = row.rows[0]?.h ?? 'empty';
  }
  return out;
}

/** Who calls a route: a role that holds its permission (system administration first). */
const preference: Role[] = ['system_admin', 'case_worker', 'log_reviewer', 'org_admin', 'intervention_lead'];
const callerFor = (permission: string | undefined): Role | null =>
  permission === 'public' ? null : preference.find((r) => permission === 'authenticated' || (rolePermissions[r] as string[]).includes(permission ?? ''))!;

type Answer = { status: number; body: any; headers: Record<string, unknown> };
async function call(role: Role | null, method: string, url: string, payload?: unknown, contentType?: string): Promise<Answer> {
  const s = role ? sessions.get(role)! : null;
  const response = await t.app.inject({
    method: method as 'POST',
    url,
    ...(s && { cookies: { stegvis_session: s.token } }),
    headers: { ...(s && { 'x-csrf-token': s.csrfToken }), ...(contentType && { 'content-type': contentType }) },
    ...(payload !== undefined && { payload: payload as string }),
  });
  let body: unknown = response.body;
  try {
    body = JSON.parse(response.body);
  } catch {
    /* not JSON */
  }
  return { status: response.statusCode, body, headers: response.headers };
}

/** The usual error shape, with a field error at `path` whose message is `message`. */
function expectRefused(answer: Answer, path: string, message = forbiddenCharacterMessage) {
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of answer.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(answer.body.errors).toContainEqual({ path, message });
  expect(JSON.stringify(answer.body)).not.toContain(NUL);
}

// A text field of every write route that takes text, with NUL in it; `none` says why a route has
// no such field. A write route missing here fails the first test until someone adds it.
type TextProbe = { url: string; body: object; path: string } | { csv: string; url: string } | { none: string };
const csvOf = (header: string, row: string) => `${header}\n${row}\n`;
const enrolmentHeader = 'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after';
const writes = (w: World): Record<string, TextProbe> => ({
  'POST /api/v1/auth/login': { url: '/api/v1/auth/login', body: { email: `a${NUL}@kommun.test`, password: 'ett-lösenord' }, path: 'body.email' },
  'POST /api/v1/auth/logout': { none: 'no body' },
  'POST /api/v1/auth/password': { none: 'passwords take any character: they are hashed, never stored as text' },
  'POST /api/v1/code-lists/:list': { url: '/api/v1/code-lists/target_group', body: { code: 'ny_kod', label: `Hem${NUL}löshet` }, path: 'body.label' },
  'PATCH /api/v1/code-lists/:list/:code': { url: '/api/v1/code-lists/target_group/neet', body: { label: `Unga${NUL}` }, path: 'body.label' },
  'POST /api/v1/organisations': { url: '/api/v1/organisations', body: { code: `NY${NUL}`, name: 'Ny', kind: 'provider' }, path: 'body.code' },
  'PATCH /api/v1/organisations/:id': { url: `/api/v1/organisations/${w.orgs.kommun}`, body: { name: `Kommun${NUL}` }, path: 'body.name' },
  'POST /api/v1/interventions': {
    url: '/api/v1/interventions', body: { code: 'NYINSATS', name: `Ny${NUL}insats`, ownerId: w.orgs.kommun, startDate: '2024-01-01' }, path: 'body.name',
  },
  'PATCH /api/v1/interventions/:id': { url: `/api/v1/interventions/${w.interventions.kommunInsats}`, body: { name: `X${NUL}` }, path: 'body.name' },
  'POST /api/v1/interventions/:id/teams': { url: `/api/v1/interventions/${w.interventions.kommunInsats}/teams`, body: { name: `Team${NUL}C` }, path: 'body.name' },
  'PUT /api/v1/interventions/:id/volume-targets/:year': { none: 'a number' },
  'POST /api/v1/users': { url: '/api/v1/users', body: { email: 'ny@kommun.test', displayName: `Ny${NUL}`, password: 'ett-långt-lösenord' }, path: 'body.displayName' },
  'POST /api/v1/users/:id/password': { none: 'a password, which takes any character (hashed, never stored as text)' },
  'POST /api/v1/users/lookup': { url: '/api/v1/users/lookup', body: { email: `a${NUL}@kommun.test` }, path: 'body.email' },
  'PATCH /api/v1/users/:id': { url: `/api/v1/users/${w.users.lead.id}`, body: { displayName: `Ledare${NUL}` }, path: 'body.displayName' },
  'POST /api/v1/users/:id/assignments': { none: 'a role from a fixed list and ids' },
  'DELETE /api/v1/users/:id/assignments/:assignmentId': { none: 'no body' },
  'POST /api/v1/enrolments/search': { url: '/api/v1/enrolments/search', body: { q: `An${NUL}na` }, path: 'body.q' },
  'POST /api/v1/enrolments': {
    url: '/api/v1/enrolments',
    body: {
      mode: 'consent', interventionId: w.interventions.kommunInsats, gender: 'woman', startDate: '2024-03-01',
      person: { participantRef: 'REF-1', firstName: `An${NUL}na` }, consent: { givenDate: '2024-03-01', method: 'written' },
    },
    path: 'body.person.firstName',
  },
  'PATCH /api/v1/enrolments/:id': { url: `/api/v1/enrolments/${anyId}`, body: { notes: `Anteckning${NUL}` }, path: 'body.notes' },
  'POST /api/v1/enrolments/:id/exit': { url: `/api/v1/enrolments/${anyId}/exit`, body: { exitDate: '2024-06-01', exitReason: 'work', exitDetail: `X${NUL}` }, path: 'body.exitDetail' },
  'POST /api/v1/enrolments/:id/reopen': { none: 'no body' },
  'POST /api/v1/enrolments/:id/consent': {
    url: `/api/v1/enrolments/${anyId}/consent`, body: { givenDate: '2024-03-01', method: 'written', documentRef: `Dnr${NUL}1` }, path: 'body.documentRef',
  },
  'POST /api/v1/enrolments/:id/consent/parties': { none: 'an id' },
  'DELETE /api/v1/enrolments/:id/consent/parties/:organisationId': { none: 'no body' },
  'POST /api/v1/enrolments/:id/consent/withdraw': { none: 'a date (its pattern refuses anything else)' },
  'POST /api/v1/enrolments/:id/protect': { none: 'a date (its pattern refuses anything else)' },
  'POST /api/v1/anonymous-registrations': { none: 'ids, numbers and a fixed list' },
  'POST /api/v1/audit/person-accesses': { none: 'an id, dates and numbers' },
  'POST /api/v1/audit/person-accesses/export': { none: 'an id, dates and a fixed list' },
  'POST /api/v1/audit/user-accesses': { none: 'an id, dates and numbers' },
  'POST /api/v1/audit/user-accesses/export': { none: 'an id, dates and a fixed list' },
  'POST /api/v1/audit/persons/search': { url: '/api/v1/audit/persons/search', body: { q: `An${NUL}na` }, path: 'body.q' },
  'POST /api/v1/audit/sample': { url: '/api/v1/audit/sample', body: { from: '2024-01-01', to: '2024-12-31', k: 5, seed: `frö${NUL}` }, path: 'body.seed' },
  'POST /api/v1/audit/sample/export': {
    url: '/api/v1/audit/sample/export', body: { from: '2024-01-01', to: '2024-12-31', k: 5, seed: `frö${NUL}`, format: 'csv' }, path: 'body.seed',
  },
  'POST /api/v1/imports/organisations': { url: '/api/v1/imports/organisations', csv: csvOf('code,name,kind,org_number,association', `NY,Ny${NUL},provider,,`) },
  'POST /api/v1/imports/interventions': {
    url: '/api/v1/imports/interventions',
    csv: csvOf('code,name,owner,association,start_date,end_date,orientation,follow_up,places,volume_target', `NY,Ny${NUL},KOMMUN,,2024-01-01,,individual,individual,,`),
  },
  'POST /api/v1/imports/enrolments': {
    url: '/api/v1/imports/enrolments', csv: csvOf(enrolmentHeader, `KOMMUNINSATS,,REF${NUL}1,,,,woman,1990,nej,ja,nej,2024-01-01,,,,,,,,`),
  },
  'POST /api/v1/imports/activities': {
    url: '/api/v1/imports/activities',
    csv: csvOf(
      'intervention,participant_ref,personnummer,enrolment_start,activity_type,employment_type,extension,workplace,workplace_org_number,start_date,end_date,hours_per_week',
      `KOMMUNINSATS,REF-1,,2024-01-01,internship,,nej,Verk${NUL}stad,,2024-02-01,,`,
    ),
  },
  // The shared case (issue 10).
  'PUT /api/v1/enrolments/:id/consent/parties/:organisationId/categories': { none: 'categories from a fixed list' },
  'PUT /api/v1/enrolments/:id/plan': { url: `/api/v1/enrolments/${anyId}/plan`, body: { mainGoal: `Arbete${NUL}` }, path: 'body.mainGoal' },
  'POST /api/v1/enrolments/:id/meetings': {
    url: `/api/v1/enrolments/${anyId}/meetings`, body: { type: 'three_party', heldAt: '2024-03-01T10:00', notes: `Möte${NUL}` }, path: 'body.notes',
  },
  'POST /api/v1/enrolments/:id/activities': {
    url: `/api/v1/enrolments/${anyId}/activities`, body: { activityType: 'internship', startDate: '2024-03-01', provider: `Verk${NUL}stad` }, path: 'body.provider',
  },
  'PUT /api/v1/activities/:id': {
    url: `/api/v1/activities/${anyId}`, body: { activityType: 'internship', startDate: '2024-03-01', notes: `Not${NUL}` }, path: 'body.notes',
  },
  'POST /api/v1/workplaces': { url: '/api/v1/workplaces', body: { associationId: w.orgs.forbund, name: `Verk${NUL}stad` }, path: 'body.name' },
  'PUT /api/v1/workplaces/:id': { url: `/api/v1/workplaces/${anyId}`, body: { associationId: w.orgs.forbund, name: 'Verkstad', address: `Gatan${NUL} 1` }, path: 'body.address' },
  // Goals (issue 12).
  'POST /api/v1/interventions/:id/goals': {
    url: `/api/v1/interventions/${w.interventions.kommunInsats}/goals`, body: { period: '2025', kind: 'volume', title: `Mål${NUL}`, target: 10 }, path: 'body.title',
  },
  'PATCH /api/v1/interventions/:id/goals/:goalId': {
    url: `/api/v1/interventions/${w.interventions.kommunInsats}/goals/${anyId}`, body: { period: '2025', kind: 'volume', title: `Mål${NUL}`, target: 10 }, path: 'body.title',
  },
  'DELETE /api/v1/interventions/:id/goals/:goalId': { none: 'no body' },
  'PUT /api/v1/interventions/:id/budget/:year': { none: 'amounts per cost category from a fixed list' },
  'PUT /api/v1/interventions/:id/costs/:month': { none: 'amounts per cost category from a fixed list' },
  'DELETE /api/v1/interventions/:id/costs/:month': { none: 'no body' },
  'POST /api/v1/interventions/:id/costs/import': {
    url: `/api/v1/interventions/${w.interventions.kommunInsats}/costs/import`,
    body: { csv: `intervention;month;cost_category;amount\nKOMMUNINSATS;2025-01;Lön${NUL}er;100\n` },
    path: 'body.csv',
  },
  // Report documents (issue 12).
  'POST /api/v1/report-templates': { url: '/api/v1/report-templates', body: { basedOn: anyId, associationId: w.orgs.forbund, name: `Mall${NUL}` }, path: 'body.name' },
  'PUT /api/v1/report-templates/:id': {
    url: `/api/v1/report-templates/${anyId}`, body: { name: 'Mall', sections: [{ key: 'a', heading: `Rubrik${NUL}`, content: 'narrative' }] }, path: 'body.sections.0.heading',
  },
  'POST /api/v1/interventions/:id/report-documents': {
    url: `/api/v1/interventions/${w.interventions.kommunInsats}/report-documents`, body: { templateId: anyId, period: `2025${NUL}` }, path: 'body.period',
  },
  'PUT /api/v1/report-documents/:id/narratives': { url: `/api/v1/report-documents/${anyId}/narratives`, body: { narratives: { resultat: `Text${NUL}` } }, path: 'body.narratives.resultat' },
  'POST /api/v1/report-documents/:id/status': { url: `/api/v1/report-documents/${anyId}/status`, body: { to: 'returned', message: `Komplettera${NUL}` }, path: 'body.message' },
  'POST /api/v1/report-documents/:id/questions': { url: `/api/v1/report-documents/${anyId}/questions`, body: { question: `Fråga${NUL}` }, path: 'body.question' },
  'PUT /api/v1/report-documents/:id/questions/:questionId/reply': {
    url: `/api/v1/report-documents/${anyId}/questions/${anyId}/reply`, body: { reply: `Svar${NUL}` }, path: 'body.reply',
  },
  // Surveys (issue 13).
  'PUT /api/v1/questionnaires/:id/questions/:questionId/texts/:language': {
    url: `/api/v1/questionnaires/${anyId}/questions/${anyId}/texts/ar`, body: { text: `Fråga${NUL}` }, path: 'body.text',
  },
  'POST /api/v1/enrolments/:id/surveys': { none: 'a variant from a fixed list' },
  'POST /api/v1/interventions/:id/survey-link': { none: 'a variant from a fixed list' },
  'POST /api/v1/interventions/:id/survey-texts/hidden': { none: 'ids and a yes/no' },
  'POST /enkat/:token': { none: "the participant's HTML form: a free text with control characters is refused by parseAnswers (core/surveys) with the page's own message" },
});

const writeRoutes = () => t.app.registeredRoutes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const fill = (url: string) => url.replace(/:year/, '2025').replace(/:[A-Za-z]+/g, anyId).replace('*', 'x');

describe('NUL and control characters', () => {
  it('has a probe for every write route', () => {
    const probes = writes(t.world);
    expect(writeRoutes().map(keyOf).filter((k) => !probes[k])).toEqual([]);
  });

  it('in a text field of every write route: 400 in the usual shape, and nothing changes', async () => {
    const before = await snapshot();
    const probes = writes(t.world);
    const wrong: string[] = [];
    for (const route of writeRoutes()) {
      const probe = probes[keyOf(route)];
      if (!probe || 'none' in probe) continue;
      const role = callerFor(route.permission);
      if ('csv' in probe) {
        const answer = await call(role, route.method, probe.url, probe.csv, 'text/csv');
        const refused =
          answer.status === 400 &&
          answer.body.errors.some((e: { reason?: string }) => e.reason?.includes('otillåtet tecken')) &&
          !JSON.stringify(answer.body).includes(NUL);
        if (!refused) wrong.push(`${keyOf(route)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        continue;
      }
      const answer = await call(role, route.method, probe.url, probe.body);
      try {
        expectRefused(answer, probe.path);
      } catch {
        wrong.push(`${keyOf(route)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('in the URL of every route, and where a path or query value reaches the database or the file system: 400, nothing changes', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    const probes: [Role | null, string, string, object?][] = [
      ...t.app.registeredRoutes
        .filter((r) => r.method !== 'HEAD')
        .map((r) => [callerFor(r.permission), r.method, `${fill(r.url)}?q=%00`, ['GET', 'DELETE'].includes(r.method) ? undefined : {}] as [Role | null, string, string, object?]),
      [null, 'GET', '/%00'],
      [null, 'GET', '/assets/a%00.js'],
      ['case_worker', 'GET', '/api/v1/code-lists?list=target_group%00'],
      ['case_worker', 'GET', '/api/v1/reports/outcomes?intervention=KOMMUNINSATS%00&from=2024-01-01&to=2024-12-31'],
      ['system_admin', 'PATCH', '/api/v1/code-lists/target_group/ne%00et', { label: 'Ny benämning' }],
      ['system_admin', 'GET', '/api/v1/organisations/%00'],
      [null, 'GET', '/api/v1/auth/oidc/callback?state=a%00b&code=c'],
      ['case_worker', 'GET', '/api/v1/enrolments?status=all%1F'],
    ];
    for (const [role, method, url, body] of probes) {
      const answer = await call(role, method, url, body);
      try {
        expectRefused(answer, 'url');
        expect(answer.body.message).toBe('Adressen innehåller ett otillåtet tecken. Ta bort det och försök igen.');
        expect(answer.headers['content-security-policy']).toBeDefined();
      } catch {
        wrong.push(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a PATCH of a code that changes nothing with 400, not 500', async () => {
    const before = await snapshot();
    const answer = await call('system_admin', 'PATCH', '/api/v1/code-lists/target_group/neet', {});
    expectRefused(answer, 'body.label', 'Ange vad som ska ändras: en ny benämning (label) eller giltig till (validTo)');
    expect(await snapshot()).toEqual(before);
  });

  it('behind the schemas: text the database refuses is answered 400 and its transaction rolled back', async () => {
    // A route without the shared schemas, as a future route might be: only the database guard stands.
    const bare = await buildApp({ ...configFromEnv({}), logLevel: 'silent' }, t.db);
    bare.post('/api/v1/test/unguarded', { config: { permission: 'public' } }, async (request) => {
      const { name } = request.body as { name: string };
      await t.db.transaction().execute(async (trx) => {
        await trx.insertInto('organisations').values({ code: 'FORE', name: 'Före', kind: 'provider' }).execute();
        await trx.insertInto('organisations').values({ code: 'EFTER', name, kind: 'provider' }).execute();
      });
      return { ok: true };
    });
    await bare.ready();
    try {
      const before = await snapshot();
      const response = await bare.inject({ method: 'POST', url: '/api/v1/test/unguarded', payload: { name: `Efter${NUL}` } });
      expectRefused({ status: response.statusCode, body: response.json(), headers: response.headers }, 'body');
      expect(await snapshot()).toEqual(before);
    } finally {
      await bare.close();
    }
  });
});
