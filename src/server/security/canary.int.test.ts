import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import type { World } from '../../test/world.js';
import { canariesIn, seedCanaries, type Canaries } from '../../test/canaries.js';
import { login } from '../../test/http.js';
import { tryLogin } from '../../test/security.js';
import type { Role } from '../access/roles.js';

// Data-protection model 3 and 7, ASVS 8.2.2 / 14.2.6: roles without person data — the förbund's
// administrator, the board's report reader, and (without case work) the lead and the system
// administrator — crawl every GET endpoint and export with real ids and codes; no canary name,
// reference, note or personnummer may appear in any body or header.
const t = worldFixture();
let canaries: Canaries;
let ids: { organisations: string[]; interventions: { id: string; code: string }[]; users: string[]; persons: string[]; associations: string[]; activities: string[]; workplaces: string[]; teams: string[]; questionnaires: string[]; reportDocuments: string[] };

beforeAll(async () => {
  canaries = await seedCanaries(t.app, t.world);
  const db = t.db;
  ids = {
    organisations: (await db.selectFrom('organisations').select('id').execute()).map((r) => r.id),
    interventions: await db.selectFrom('interventions').select(['id', 'code']).execute(),
    users: (await db.selectFrom('users').select('id').execute()).map((r) => r.id),
    persons: (await db.selectFrom('persons').select('id').execute()).map((r) => r.id),
    associations: (await db.selectFrom('organisations').select('code').where('kind', '=', 'association').execute()).map((r) => r.code),
    activities: (await db.selectFrom('activities').select('id').execute()).map((r) => r.id),
    workplaces: (await db.selectFrom('workplaces').select('id').execute()).map((r) => r.id),
    teams: (await db.selectFrom('teams').select('id').execute()).map((r) => r.id),
    questionnaires: (await db.selectFrom('questionnaires').select('id').execute()).map((r) => r.id),
    reportDocuments: [await publishedReport()],
  };
});

/** A year's report of the canaries' intervention, submitted and published, so the crawl reads a real one. */
async function publishedReport() {
  const template = await t.db.selectFrom('report_templates').select('id').where('code', '=', 'arsrapport').executeTakeFirstOrThrow();
  const lead = await login(t.app, t.world.users.lead.email);
  const forbund = await login(t.app, t.world.users.associationAdmin.email);
  const { id } = (await lead.post(`/api/v1/interventions/${t.world.interventions.kommunInsats}/report-documents`, { templateId: template.id, period: '2024' })).body;
  for (const [client, to] of [[lead, 'submitted'], [forbund, 'approved'], [forbund, 'published']] as const) {
    const moved = await client.post(`/api/v1/report-documents/${id}/status`, { to });
    if (moved.status !== 200) throw new Error(`report ${to}: ${moved.status}`);
  }
  return id as string;
}

const periods = ['from=2024-01-01&to=2024-12-31', 'from=2024-09-30&to=2024-09-30', 'from=2020-01-01&to=2030-12-31'];
const reportQueries = () =>
  [...ids.interventions.map((i) => `intervention=${i.code}`), ...ids.associations.map((a) => `association=${a}`)].flatMap((scope) =>
    periods.flatMap((p) => [`?${scope}&${p}`, `?${scope}&${p}&suppress=true`]),
  );
const each = (prefix: string, list: string[], suffix = '') => list.map((id) => `${prefix}/${id}${suffix}`);

/** Concrete requests for every GET route; a GET route missing here fails the test. */
const crawl: Record<string, () => string[]> = {
  '/api/docs': () => ['/api/docs'],
  '/api/docs/json': () => ['/api/docs/json'],
  '/api/docs/yaml': () => ['/api/docs/yaml'],
  '/api/docs/static/*': () => ['/api/docs/static/index.css'],
  '/api/docs/static/index.html': () => ['/api/docs/static/index.html'],
  '/api/docs/static/swagger-initializer.js': () => ['/api/docs/static/swagger-initializer.js'],
  '/*': () => ['/', '/index.html', '/rapporter/utfall'],
  '/api/v1/auth/me': () => ['/api/v1/auth/me'],
  '/api/v1/auth/oidc/start': () => ['/api/v1/auth/oidc/start'],
  '/api/v1/auth/oidc/callback': () => ['/api/v1/auth/oidc/callback?code=x&state=y'],
  '/api/v1/code-lists': () => ['/api/v1/code-lists', '/api/v1/code-lists?list=exit_reason'],
  '/api/v1/organisations': () => ['/api/v1/organisations'],
  '/api/v1/organisations/:id': () => each('/api/v1/organisations', ids.organisations),
  '/api/v1/interventions': () => ['/api/v1/interventions'],
  '/api/v1/interventions/:id': () => each('/api/v1/interventions', ids.interventions.map((i) => i.id)),
  '/api/v1/interventions/:id/teams': () => each('/api/v1/interventions', ids.interventions.map((i) => i.id), '/teams'),
  '/api/v1/users': () => ['/api/v1/users', ...ids.organisations.map((o) => `/api/v1/users?organisationId=${o}`)],
  '/api/v1/users/:id': () => each('/api/v1/users', ids.users),
  '/api/v1/enrolments': () => ['/api/v1/enrolments', ...ids.interventions.map((i) => `/api/v1/enrolments?interventionId=${i.id}`)],
  '/api/v1/enrolments/:id': () => each('/api/v1/enrolments', canaries.enrolmentIds),
  '/api/v1/enrolments/:id/plan': () => each('/api/v1/enrolments', canaries.enrolmentIds, '/plan'),
  '/api/v1/enrolments/:id/plan/copy': () => each('/api/v1/enrolments', canaries.enrolmentIds, '/plan/copy'),
  '/api/v1/enrolments/:id/plan/copy.pdf': () => each('/api/v1/enrolments', canaries.enrolmentIds, '/plan/copy.pdf'),
  '/api/v1/enrolments/:id/meetings': () => each('/api/v1/enrolments', canaries.enrolmentIds, '/meetings'),
  '/api/v1/enrolments/:id/activities': () => each('/api/v1/enrolments', canaries.enrolmentIds, '/activities'),
  '/api/v1/activities/:id': () => each('/api/v1/activities', ids.activities),
  '/api/v1/workplaces': () => ['/api/v1/workplaces', '/api/v1/workplaces?search=kanarie'],
  '/api/v1/workplaces/associations': () => ['/api/v1/workplaces/associations'],
  '/api/v1/workplaces/:id': () => each('/api/v1/workplaces', ids.workplaces),
  '/api/v1/worklist': () => ['/api/v1/worklist'],
  '/api/v1/teams/:id/caseload': () => each('/api/v1/teams', ids.teams, '/caseload'),
  '/api/v1/anonymous-registrations': () => ids.interventions.map((i) => `/api/v1/anonymous-registrations?interventionId=${i.id}&year=2024`),
  '/api/v1/reports/outcomes': () => reportQueries().map((q) => `/api/v1/reports/outcomes${q}`),
  '/api/v1/reports/outcomes.csv': () => reportQueries().map((q) => `/api/v1/reports/outcomes.csv${q}`),
  '/api/v1/interventions/:id/goals': () => each('/api/v1/interventions', ids.interventions.map((i) => i.id), '/goals'),
  '/api/v1/interventions/:id/budget': () => each('/api/v1/interventions', ids.interventions.map((i) => i.id), '/budget?year=2024'),
  '/api/v1/reports/dashboard': () => ['FORBUND', 'ANNAT'].flatMap((a) => ['2024', '2024-T1'].map((p) => `/api/v1/reports/dashboard?association=${a}&period=${p}`)),
  '/api/v1/reports/national': () => ['csv', 'xlsx'].map((f) => `/api/v1/reports/national?association=FORBUND&year=2024&format=${f}`),
  '/api/v1/reports/figures/records': () =>
    ids.interventions.flatMap((i) => ['active', 'exited'].map((figure) => `/api/v1/reports/figures/records?intervention=${i.code}&period=2024&figure=${figure}`)),
  '/api/v1/reports/figures': () => [
    ...reportQueries().map((q) => `/api/v1/reports/figures${q}`),
    ...periods.flatMap((p) => [`?intervention=KOMMUNINSATS&team=Team%20A&${p}`, `?organisation=KOMMUN&${p}`].map((q) => `/api/v1/reports/figures${q}`)),
  ],
  '/api/v1/reports/case-figures': () => reportQueries().map((q) => `/api/v1/reports/case-figures${q}`),
  '/api/v1/reports/monthly': () =>
    ids.interventions.flatMap((i) =>
      ['', '&compareLastYear=true', '&compareTeam=Team%20A', '&suppress=true'].map((q) => `/api/v1/reports/monthly?intervention=${i.code}&from=2024-01&to=2024-12${q}`),
    ),
  '/api/v1/persons/:id/subject-access': () => each('/api/v1/persons', ids.persons, '/subject-access'),
  '/api/v1/persons/:id/subject-access.pdf': () => each('/api/v1/persons', ids.persons, '/subject-access.pdf'),
  '/api/v1/audit/users': () => ['/api/v1/audit/users'],
  '/api/v1/questionnaires': () => ['/api/v1/questionnaires'],
  '/api/v1/questionnaires/:id': () => each('/api/v1/questionnaires', ids.questionnaires),
  '/api/v1/enrolments/:id/surveys': () => each('/api/v1/enrolments', canaries.enrolmentIds, '/surveys'),
  '/api/v1/interventions/:id/survey-results': () => ids.interventions.flatMap((i) => ['', '?variant=during'].map((q) => `/api/v1/interventions/${i.id}/survey-results${q}`)),
  '/api/v1/interventions/:id/survey-texts': () => each('/api/v1/interventions', ids.interventions.map((i) => i.id), '/survey-texts'),
  '/api/v1/report-templates': () => ['/api/v1/report-templates'],
  '/api/v1/interventions/:id/report-documents': () => each('/api/v1/interventions', ids.interventions.map((i) => i.id), '/report-documents'),
  '/api/v1/report-documents/published': () => ['/api/v1/report-documents/published'],
  '/api/v1/report-documents/:id': () => each('/api/v1/report-documents', ids.reportDocuments),
  '/api/v1/report-documents/:id/versions/:version/file': () => each('/api/v1/report-documents', ids.reportDocuments, '/versions/1/file?format=csv'),
  '/enkat/assets/survey.js': () => ['/enkat/assets/survey.js'],
  '/enkat/tack': () => ['/enkat/tack?sprak=ar'],
  '/enkat/:token': () => [`/enkat/${'A'.repeat(43)}`, `/enkat/${'A'.repeat(43)}?sprak=sv`],
};

const crawlers: Partial<Record<Role, (w: World) => string>> = {
  association_admin: (w) => w.users.associationAdmin.email,
  report_reader: (w) => w.users.reportReader.email,
  intervention_lead: (w) => w.users.lead.email,
  system_admin: (w) => w.users.systemAdmin.email,
};

async function crawlAs(email: string) {
  const { token } = await tryLogin(t.app, email);
  const answers: { url: string; status: number; text: string }[] = [];
  for (const route of t.app.registeredRoutes.filter((r) => r.method === 'GET')) {
    for (const url of crawl[route.url]()) {
      const response = await t.app.inject({ method: 'GET', url, cookies: { stegvis_session: token! } });
      answers.push({ url, status: response.statusCode, text: `${JSON.stringify(response.headers)}\n${response.rawPayload.toString('latin1')}\n${response.body}` });
    }
  }
  return answers;
}

describe('canaries never reach roles without person data', () => {
  it('has a crawl for every GET route', () => {
    const missing = t.app.registeredRoutes.filter((r) => r.method === 'GET' && !crawl[r.url]).map((r) => r.url);
    expect(missing).toEqual([]);
  });

  it('the detector finds canaries where they belong (a case worker reading the enrolment)', async () => {
    const { token } = await tryLogin(t.app, t.world.users.kommunWorker.email);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/enrolments/${canaries.enrolmentIds[0]}`, cookies: { stegvis_session: token! } });
    expect(response.statusCode).toBe(200);
    expect(canariesIn(response.body, canaries.tokens)).toEqual(expect.arrayContaining([canaries.people[0].firstName, canaries.people[0].personnummer]));
  });

  it('the detector finds the survey free text where it belongs (a case worker of the controller)', async () => {
    const { token } = await tryLogin(t.app, t.world.users.kommunWorker.email);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/interventions/${t.world.interventions.kommunInsats}/survey-texts`, cookies: { stegvis_session: token! } });
    expect(response.statusCode).toBe(200);
    expect(canariesIn(response.body, canaries.tokens)).toContain('Kanariesvar Alfa: bättre nu');
  });

  it.each(Object.keys(crawlers) as Role[])('none in any body or header for %s', async (role) => {
    const answers = await crawlAs(crawlers[role]!(t.world));
    const found = answers.flatMap((a) => canariesIn(a.text, canaries.tokens).map((c) => `${a.url} (${a.status}): ${c}`));
    expect(found).toEqual([]);
    // Not vacuous: the crawl read real API answers (the web app's files are left out: they exist
    // only once the app is built, and hold no data).
    const ok = answers.filter((a) => a.status === 200 && a.url.startsWith('/api/v1/'));
    expect(ok.length).toBeGreaterThan(12);
    if (role === 'association_admin') {
      const forbund = answers.find((a) => a.url === `/api/v1/reports/outcomes?association=FORBUND&${periods[0]}`)!;
      expect(forbund.status).toBe(200);
      expect(forbund.text).toMatch(/"enrolled":\{[^}]*"total":8/);
    }
  });
});
