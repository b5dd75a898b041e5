import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedForeign, type Foreign } from '../../test/foreign.js';
import { tryLogin, withSession } from '../../test/security.js';
import { rolePermissions, roles, type Role } from '../access/roles.js';

// ASVS 8.1.1, 8.2.1, 8.2.2, 8.3.1: the route × role × scope matrix, reviewed by people, checked
// against the running server. A route missing here fails the test until someone decides who may call it.
const [CW, IL, AA, OA, RR, LR, SA] = roles;
const ALL = [...roles];
type Who = 'public' | 'authenticated' | Role[];
/**
 * `foreign`: a request on another organisation's record (ids/codes from `seedForeign`); every
 * allowed role except those in `unscoped` must get 403 or 404. `scope`: why a route has no such probe.
 */
type Answer = { status: number; body: any };
/** `csv`: sent as text/csv; `accept`: an answer other than 403/404 that still proves the scope (a filtered list, a rejected row). */
type Probe = { url: string; body?: object; csv?: string; accept?: (a: Answer) => boolean };
type Row = { who: Who; foreign?: (f: Foreign) => Probe; unscoped?: Role[]; scope?: string };

const period = 'from=2024-01-01&to=2024-12-31';
const enrolment = (f: Foreign, rest = '', body: object = {}) => () => ({ url: `/api/v1/enrolments/${f.enrolmentId}${rest}`, body });
const docs: Row = { who: 'public', scope: 'API description, no data' };
const ok = (check: (body: any) => boolean) => (a: Answer) => a.status === 200 && check(a.body);
/** An import naming another organisation's intervention or owner is refused as a whole, row by row. */
const rowRefused = (column: string) => (a: Answer) => a.status === 400 && a.body.errors.some((e: { column?: string }) => e.column === column);
const enrolmentCsv = 'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after\n';
const activityCsv = 'intervention,participant_ref,personnummer,enrolment_start,activity_type,employment_type,extension,workplace,workplace_org_number,start_date,end_date,hours_per_week\n';
const interventionCsv = 'code,name,owner,association,start_date,end_date,orientation,follow_up,places,volume_target\n';
const nothingForeign = (b: unknown) => !/Främling|Utanförsson|annat\.test/.test(JSON.stringify(b));
const ownStaffOnly = (b: { items: { organisation: { code: string } | null; person: { name: string | null } | null }[] }) =>
  nothingForeign(b) && b.items.every((i) => i.organisation?.code === 'KOMMUN' && !i.person?.name);

const matrix: Record<string, Row> = {
  'GET /api/docs': docs, 'GET /api/docs/json': docs, 'GET /api/docs/yaml': docs, 'GET /api/docs/static/*': docs,
  'GET /api/docs/static/index.html': docs, 'GET /api/docs/static/swagger-initializer.js': docs,
  'GET /*': { who: 'public', scope: 'the web app\'s static files' },
  'POST /api/v1/auth/login': { who: 'public' },
  'POST /api/v1/auth/logout': { who: 'authenticated', scope: 'own session' },
  'GET /api/v1/auth/me': { who: 'authenticated', scope: 'own session' },
  'POST /api/v1/auth/password': { who: 'authenticated', scope: 'own account' },
  'GET /api/v1/auth/oidc/start': { who: 'public' },
  'GET /api/v1/auth/oidc/callback': { who: 'public' },
  'GET /api/v1/code-lists': { who: ALL, scope: 'code lists are common' },
  'POST /api/v1/code-lists/:list': { who: [SA], scope: 'code lists are common' },
  'PATCH /api/v1/code-lists/:list/:code': { who: [SA], scope: 'code lists are common' },
  'GET /api/v1/organisations': { who: ALL, scope: 'the parties are public knowledge' },
  'GET /api/v1/organisations/:id': { who: ALL, scope: 'the parties are public knowledge' },
  'POST /api/v1/organisations': { who: [SA], scope: 'system administration' },
  'PATCH /api/v1/organisations/:id': { who: [SA], scope: 'system administration' },
  'GET /api/v1/interventions': { who: ALL, scope: 'filtered list (intervention.int.test.ts)' },
  'GET /api/v1/interventions/:id': { who: ALL, unscoped: [SA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}` }) },
  'POST /api/v1/interventions': {
    who: [IL, OA, SA], unscoped: [SA],
    foreign: (f) => ({ url: '/api/v1/interventions', body: { code: 'UTANFOR', name: 'Utanför', ownerId: f.organisationId, startDate: '2024-01-01' } }),
  },
  'PATCH /api/v1/interventions/:id': { who: [IL, OA, SA], unscoped: [SA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}`, body: { name: 'Nytt namn' } }) },
  'GET /api/v1/interventions/:id/teams': { who: ALL, unscoped: [SA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/teams` }) },
  'POST /api/v1/interventions/:id/teams': { who: [IL, OA, SA], unscoped: [SA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/teams`, body: { name: 'Nytt team' } }) },
  'PUT /api/v1/interventions/:id/volume-targets/:year': {
    who: [IL, OA, SA], unscoped: [SA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/volume-targets/2025`, body: { target: 10 } }),
  },
  'GET /api/v1/users': { who: [OA, SA], scope: 'filtered list (user.int.test.ts)' },
  'GET /api/v1/users/:id': { who: [OA, SA], unscoped: [SA], foreign: (f) => ({ url: `/api/v1/users/${f.userId}` }) },
  'POST /api/v1/users/lookup': { who: [OA, SA], unscoped: [SA], foreign: () => ({ url: '/api/v1/users/lookup', body: { email: 'handlaggare@annat.test' } }) },
  'POST /api/v1/users': {
    who: [OA, SA], unscoped: [SA],
    foreign: (f) => ({ url: '/api/v1/users', body: { email: 'ny@annat.test', displayName: 'Ny', password: 'ett-långt-lösenord', organisationId: f.organisationId } }),
  },
  'PATCH /api/v1/users/:id': { who: [OA, SA], unscoped: [SA], foreign: (f) => ({ url: `/api/v1/users/${f.userId}`, body: { displayName: 'Bytt' } }) },
  'POST /api/v1/users/:id/password': { who: [OA, SA], foreign: (f) => ({ url: `/api/v1/users/${f.userId}/password`, body: { password: 'ett-långt-lösenord' } }) },
  'POST /api/v1/users/:id/assignments': {
    who: [OA, SA], unscoped: [SA], foreign: (f) => ({ url: `/api/v1/users/${f.userId}/assignments`, body: { role: 'log_reviewer' } }),
  },
  'DELETE /api/v1/users/:id/assignments/:assignmentId': { who: [OA, SA], unscoped: [SA], foreign: (f) => ({ url: `/api/v1/users/${f.userId}/assignments/${f.assignmentId}` }) },
  'GET /api/v1/enrolments': { who: [CW], foreign: (f) => ({ url: `/api/v1/enrolments?interventionId=${f.interventionId}`, accept: ok((b) => b.items.length === 0) }) },
  'POST /api/v1/enrolments/search': { who: [CW], scope: 'filtered search (enrolment.int.test.ts, canary test)' },
  'POST /api/v1/enrolments': {
    who: [CW],
    foreign: (f) => ({ url: '/api/v1/enrolments', body: { mode: 'anonymous', interventionId: f.interventionId, gender: 'woman', startDate: '2024-03-01' } }),
  },
  'GET /api/v1/enrolments/:id': { who: [CW], foreign: (f) => enrolment(f)() },
  'PATCH /api/v1/enrolments/:id': { who: [CW], foreign: (f) => enrolment(f, '', { education: 'primary' })() },
  'POST /api/v1/enrolments/:id/exit': { who: [CW], foreign: (f) => enrolment(f, '/exit', { exitDate: '2024-06-01', exitReason: 'work' })() },
  'POST /api/v1/enrolments/:id/reopen': { who: [CW], foreign: (f) => enrolment(f, '/reopen')() },
  'POST /api/v1/enrolments/:id/consent': { who: [CW], foreign: (f) => enrolment(f, '/consent', { givenDate: '2024-03-01', method: 'written' })() },
  'POST /api/v1/enrolments/:id/consent/parties': { who: [CW], foreign: (f) => enrolment(f, '/consent/parties', { organisationId: f.organisationId })() },
  'DELETE /api/v1/enrolments/:id/consent/parties/:organisationId': { who: [CW], foreign: (f) => enrolment(f, `/consent/parties/${f.organisationId}`)() },
  'POST /api/v1/enrolments/:id/consent/withdraw': { who: [CW], foreign: (f) => enrolment(f, '/consent/withdraw', { date: '2024-06-01' })() },
  'POST /api/v1/enrolments/:id/protect': { who: [CW], foreign: (f) => enrolment(f, '/protect', {})() },
  'PUT /api/v1/enrolments/:id/consent/parties/:organisationId/categories': { who: [CW], foreign: (f) => enrolment(f, `/consent/parties/${f.organisationId}/categories`, { categories: ['plan'] })() },
  // The shared case (issue 10): out of scope answers as not found (case/case.int.test.ts probes the categories).
  'GET /api/v1/enrolments/:id/plan': { who: [CW], foreign: (f) => enrolment(f, '/plan')() },
  'PUT /api/v1/enrolments/:id/plan': { who: [CW], foreign: (f) => enrolment(f, '/plan', { mainGoal: 'Kapat mål' })() },
  'GET /api/v1/enrolments/:id/plan/copy': { who: [CW], foreign: (f) => enrolment(f, '/plan/copy')() },
  'GET /api/v1/enrolments/:id/plan/copy.pdf': { who: [CW], foreign: (f) => enrolment(f, '/plan/copy.pdf')() },
  'GET /api/v1/enrolments/:id/meetings': { who: [CW], foreign: (f) => enrolment(f, '/meetings')() },
  'POST /api/v1/enrolments/:id/meetings': { who: [CW], foreign: (f) => enrolment(f, '/meetings', { type: 'sip', heldAt: '2026-01-05T10:00' })() },
  // Activities (issue 10): category `plan` of the shared case; out of scope answers as not found.
  'GET /api/v1/enrolments/:id/activities': { who: [CW], foreign: (f) => enrolment(f, '/activities')() },
  'POST /api/v1/enrolments/:id/activities': { who: [CW], foreign: (f) => enrolment(f, '/activities', { activityType: 'internship', startDate: '2024-03-01' })() },
  'GET /api/v1/activities/:id': { who: [CW], foreign: (f) => ({ url: `/api/v1/activities/${f.activityId}` }) },
  'PUT /api/v1/activities/:id': { who: [CW], foreign: (f) => ({ url: `/api/v1/activities/${f.activityId}`, body: { activityType: 'internship', startDate: '2024-03-01' } }) },
  // The workplace register is the förbund's: another förbund's workplaces answer as not found.
  'GET /api/v1/workplaces': { who: [CW, IL, AA], foreign: (f) => ({ url: '/api/v1/workplaces', accept: ok((b) => !b.items.some((w: { id: string }) => w.id === f.workplaceId)) }) },
  'GET /api/v1/workplaces/associations': { who: [CW, IL], foreign: (f) => ({ url: '/api/v1/workplaces/associations', accept: ok((b) => !b.items.some((a: { id: string }) => a.id === f.organisationId)) }) },
  'POST /api/v1/workplaces': { who: [CW, IL], foreign: (f) => ({ url: '/api/v1/workplaces', body: { associationId: f.organisationId, name: 'Kapad' }, accept: (a) => a.status === 400 }) },
  'GET /api/v1/workplaces/:id': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/workplaces/${f.workplaceId}` }) },
  'PUT /api/v1/workplaces/:id': { who: [CW, IL], foreign: (f) => ({ url: `/api/v1/workplaces/${f.workplaceId}`, body: { associationId: f.organisationId, name: 'Kapad' } }) },
  'POST /api/v1/anonymous-registrations': {
    who: [CW, IL], foreign: (f) => ({ url: '/api/v1/anonymous-registrations', body: { interventionId: f.interventionId, year: 2024, gender: 'man' } }),
  },
  'GET /api/v1/anonymous-registrations': { who: [CW, IL], foreign: (f) => ({ url: `/api/v1/anonymous-registrations?interventionId=${f.interventionId}` }) },
  'GET /api/v1/reports/outcomes': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/reports/outcomes?intervention=${f.interventionCode}&${period}` }) },
  'GET /api/v1/reports/outcomes.csv': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/reports/outcomes.csv?association=${f.associationCode}&${period}` }) },
  'GET /api/v1/interventions/:id/goals': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/goals` }) },
  'POST /api/v1/interventions/:id/goals': {
    who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/goals`, body: { period: '2024', kind: 'volume', title: 'Mål', target: 5 } }),
  },
  'PATCH /api/v1/interventions/:id/goals/:goalId': {
    who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/goals/${f.interventionId}`, body: { period: '2024', kind: 'volume', title: 'Mål', target: 5 } }),
  },
  'DELETE /api/v1/interventions/:id/goals/:goalId': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/goals/${f.interventionId}` }) },
  'GET /api/v1/interventions/:id/budget': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/budget?year=2024` }) },
  'PUT /api/v1/interventions/:id/budget/:year': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/budget/2024`, body: { grant: 10, lines: {} } }) },
  'PUT /api/v1/interventions/:id/costs/:month': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/costs/2024-01`, body: { costs: { travel: 10 } } }) },
  'DELETE /api/v1/interventions/:id/costs/:month': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/costs/2024-01` }) },
  'POST /api/v1/interventions/:id/costs/import': {
    who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/costs/import`, body: { csv: 'intervention,month,cost_category,amount\n' } }),
  },
  // Report documents (issue 12): every role passes the permission, access/report-document-policy.ts decides (report-document.int.test.ts).
  'GET /api/v1/report-templates': { who: ALL, scope: 'built-in templates and those of the own förbund (report-document.int.test.ts)' },
  'POST /api/v1/report-templates': { who: ALL, foreign: (f) => ({ url: '/api/v1/report-templates', body: { basedOn: f.interventionId, associationId: f.organisationId, name: 'Utanför' } }) },
  'PUT /api/v1/report-templates/:id': { who: ALL, foreign: (f) => ({ url: `/api/v1/report-templates/${f.interventionId}`, body: { name: 'Utanför', sections: [{ key: 'a', heading: 'A', content: 'narrative' }] } }) },
  'GET /api/v1/interventions/:id/report-documents': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/report-documents` }) },
  'POST /api/v1/interventions/:id/report-documents': { who: ALL, foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/report-documents`, body: { templateId: f.interventionId, period: '2024-T1' } }) },
  'GET /api/v1/report-documents/published': { who: ALL, scope: 'published reports of the own förbund only (report-document.int.test.ts)' },
  'GET /api/v1/report-documents/:id': { who: ALL, foreign: (f) => ({ url: `/api/v1/report-documents/${f.interventionId}` }) },
  'PUT /api/v1/report-documents/:id/narratives': { who: ALL, foreign: (f) => ({ url: `/api/v1/report-documents/${f.interventionId}/narratives`, body: { narratives: { resultat: 'x' } } }) },
  'POST /api/v1/report-documents/:id/status': { who: ALL, foreign: (f) => ({ url: `/api/v1/report-documents/${f.interventionId}/status`, body: { to: 'approved' } }) },
  'POST /api/v1/report-documents/:id/questions': { who: ALL, foreign: (f) => ({ url: `/api/v1/report-documents/${f.interventionId}/questions`, body: { question: 'Fråga' } }) },
  'PUT /api/v1/report-documents/:id/questions/:questionId/reply': {
    who: ALL, foreign: (f) => ({ url: `/api/v1/report-documents/${f.interventionId}/questions/${f.interventionId}/reply`, body: { reply: 'Svar' } }),
  },
  'GET /api/v1/report-documents/:id/versions/:version/file': { who: ALL, foreign: (f) => ({ url: `/api/v1/report-documents/${f.interventionId}/versions/1/file?format=csv` }) },
  // The förbund ANNAT is another förbund's: answered as one that does not exist.
  'GET /api/v1/reports/dashboard': { who: [AA, RR], foreign: () => ({ url: '/api/v1/reports/dashboard?association=ANNAT&period=2024' }) },
  'GET /api/v1/reports/national': { who: [AA], foreign: () => ({ url: '/api/v1/reports/national?association=ANNAT&year=2024&format=csv' }) },
  'GET /api/v1/reports/figures/records': { who: [CW], foreign: (f) => ({ url: `/api/v1/reports/figures/records?intervention=${f.interventionCode}&${period}&figure=active` }) },
  'GET /api/v1/reports/figures': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/reports/figures?intervention=${f.interventionCode}&${period}` }) },
  'GET /api/v1/reports/case-figures': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/reports/case-figures?intervention=${f.interventionCode}&${period}` }) },
  'GET /api/v1/reports/monthly': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/reports/monthly?intervention=${f.interventionCode}&from=2024-01&to=2024-12` }) },
  'GET /api/v1/persons/:id/subject-access': { who: [OA, LR], foreign: (f) => ({ url: `/api/v1/persons/${f.personId}/subject-access` }) },
  'GET /api/v1/persons/:id/subject-access.pdf': { who: [OA, LR], foreign: (f) => ({ url: `/api/v1/persons/${f.personId}/subject-access.pdf` }) },
  // Log review answers with the own organisation's staff's accesses only, without the names of another controller's person.
  'POST /api/v1/audit/person-accesses': { who: [LR], foreign: (f) => ({ url: '/api/v1/audit/person-accesses', body: { personId: f.personId }, accept: ok(ownStaffOnly) }) },
  'POST /api/v1/audit/person-accesses/export': { who: [LR], foreign: (f) => ({ url: '/api/v1/audit/person-accesses/export', body: { personId: f.personId, format: 'csv' }, accept: ok(nothingForeign) }) },
  'POST /api/v1/audit/user-accesses': { who: [LR], foreign: (f) => ({ url: '/api/v1/audit/user-accesses', body: { userId: f.userId }, accept: ok((b) => b.items.length === 0) }) },
  'POST /api/v1/audit/user-accesses/export': { who: [LR], foreign: (f) => ({ url: '/api/v1/audit/user-accesses/export', body: { userId: f.userId, format: 'csv' }, accept: ok(nothingForeign) }) },
  'POST /api/v1/imports/organisations': { who: [SA], scope: 'system administration' },
  'POST /api/v1/imports/interventions': {
    who: [IL, OA, SA], unscoped: [SA],
    foreign: (f) => ({ url: '/api/v1/imports/interventions', csv: `${interventionCsv}UTANFOR,Utanför,${f.associationCode},,2024-01-01,,individual,individual,10,10\n`, accept: rowRefused('owner') }),
  },
  'POST /api/v1/imports/enrolments': {
    who: [CW],
    foreign: (f) => ({ url: '/api/v1/imports/enrolments', csv: `${enrolmentCsv}${f.interventionCode},,REF-UTANFOR,,,,woman,1990,ja,nej,nej,2024-01-01,,,,,,,,\n`, accept: rowRefused('intervention') }),
  },
  // The worklist and a team's caseload list only what the user may see (worklist.int.test.ts).
  'GET /api/v1/worklist': { who: [CW], foreign: () => ({ url: '/api/v1/worklist', accept: ok(nothingForeign) }) },
  'GET /api/v1/teams/:id/caseload': { who: [CW], foreign: (f) => ({ url: `/api/v1/teams/${f.teamId}/caseload` }) },
  'POST /api/v1/imports/activities': {
    who: [CW],
    foreign: (f) => ({ url: '/api/v1/imports/activities', csv: `${activityCsv}${f.interventionCode},,19800101-0019,2024-02-01,internship,,,,,2024-03-01,,\n`, accept: rowRefused('intervention') }),
  },
  'POST /api/v1/audit/sample': { who: [LR], scope: 'a sample of the own organisation\'s log (log-review tests)' },
  'POST /api/v1/audit/sample/export': { who: [LR], scope: 'a sample of the own organisation\'s log (log-review tests)' },
  // Whom to review: the own organisation's persons and the users who can reach its records only.
  'POST /api/v1/audit/persons/search': { who: [LR], foreign: () => ({ url: '/api/v1/audit/persons/search', body: { q: '19800101-0019' }, accept: ok((b) => b.items.length === 0) }) },
  'GET /api/v1/audit/users': { who: [LR], foreign: () => ({ url: '/api/v1/audit/users', accept: ok(nothingForeign) }) },
  // Surveys (issue 13). Questionnaires hold no participant data and are shared by every förbund.
  'GET /api/v1/questionnaires': { who: [IL, AA], scope: 'questionnaires are common' },
  'GET /api/v1/questionnaires/:id': { who: [IL, AA], scope: 'questionnaires are common' },
  'PUT /api/v1/questionnaires/:id/questions/:questionId/texts/:language': { who: [IL, AA], scope: 'questionnaires are common' },
  'POST /api/v1/enrolments/:id/surveys': { who: [CW], foreign: (f) => enrolment(f, '/surveys', { variant: 'start' })() },
  'GET /api/v1/enrolments/:id/surveys': { who: [CW], foreign: (f) => enrolment(f, '/surveys')() },
  'POST /api/v1/interventions/:id/survey-link': { who: [CW, IL], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/survey-link`, body: { variant: 'during' } }) },
  'GET /api/v1/interventions/:id/survey-results': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/survey-results` }) },
  'GET /api/v1/interventions/:id/survey-texts': { who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/survey-texts` }) },
  'POST /api/v1/interventions/:id/survey-texts/hidden': {
    who: [CW, IL, AA], foreign: (f) => ({ url: `/api/v1/interventions/${f.interventionId}/survey-texts/hidden`, body: { responseId: f.enrolmentId, questionId: f.enrolmentId, hidden: true } }),
  },
  // The participant's page: the token is the only key (survey.int.test.ts: guessed, used and expired tokens).
  'GET /enkat/assets/survey.js': { who: 'public', scope: 'the participant page\'s script' },
  'GET /enkat/tack': { who: 'public', scope: 'a thank-you page, no data' },
  'GET /enkat/:token': { who: 'public', scope: 'a survey link opens only its own survey (survey.int.test.ts)' },
  'POST /enkat/:token': { who: 'public', scope: 'a survey link answers only its own survey (survey.int.test.ts)' },
};

const t = worldFixture();
let foreign: Foreign;
const sessions = new Map<Role | 'none', { token: string; csrfToken: string }>();

beforeAll(async () => {
  foreign = await seedForeign(t.app, t.world);
  const u = t.world.users;
  const byRole: Record<Role | 'none', string> = {
    case_worker: u.kommunWorker.email, intervention_lead: u.lead.email, association_admin: u.associationAdmin.email, org_admin: u.orgAdmin.email,
    report_reader: u.reportReader.email, log_reviewer: u.logReviewer.email, system_admin: u.systemAdmin.email, none: u.noRole.email,
  };
  for (const [role, email] of Object.entries(byRole)) {
    const { token, csrfToken } = await tryLogin(t.app, email);
    sessions.set(role as Role, { token: token!, csrfToken: csrfToken! });
  }
});

const routes = () => t.app.registeredRoutes.filter((r) => r.method !== 'HEAD');
const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const anyId = '00000000-0000-4000-8000-000000000000';
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, anyId).replace('*', 'x');
const derived = (permission: string | undefined): Who =>
  permission === 'public' || permission === 'authenticated' ? permission : roles.filter((role) => (rolePermissions[role] as string[]).includes(permission ?? ''));
const call = async (role: Role | 'none', method: string, url: string, body?: object, csv?: string): Promise<Answer> => {
  const s = sessions.get(role)!;
  if (csv === undefined) return withSession(t.app, s.token, method as 'GET', url, { csrfToken: s.csrfToken, ...(body && { body }) });
  const r = await t.app.inject({ method: method as 'POST', url, payload: csv, cookies: { stegvis_session: s.token }, headers: { 'x-csrf-token': s.csrfToken, 'content-type': 'text/csv' } });
  return { status: r.statusCode, body: r.json() };
};
/** Routes missing from the matrix are reported by the first test; the others skip them. */
const listed = () => routes().filter((r) => matrix[keyOf(r)]);
const who = (key: string) => matrix[key].who;

describe('route × role × scope matrix', () => {
  it('lists exactly the routes the server registers', () => {
    const registered = routes().map(keyOf).sort();
    expect({ missingFromMatrix: registered.filter((k) => !matrix[k]), notRegistered: Object.keys(matrix).filter((k) => !registered.includes(k)) }).toEqual({
      missingFromMatrix: [],
      notRegistered: [],
    });
    for (const head of t.app.registeredRoutes.filter((r) => r.method === 'HEAD')) {
      expect(matrix[`GET ${head.url}`] ?? matrix[`GET ${head.url.replace(/\/$/, '')}`], head.url).toBeDefined();
    }
  });

  it('agrees with each route’s declared permission and the role map', () => {
    const disagreements = listed()
      .filter((r) => JSON.stringify(derived(r.permission)) !== JSON.stringify(who(keyOf(r))))
      .map((r) => `${keyOf(r)}: code says ${JSON.stringify(derived(r.permission))}`);
    expect(disagreements).toEqual([]);
  });

  it('answers 401 to every non-public route without a session, or with a made-up one', async () => {
    const wrong: string[] = [];
    for (const route of t.app.registeredRoutes.filter((r) => r.permission !== 'public')) {
      const none = await t.app.inject({ method: route.method as 'GET', url: fill(route.url) });
      const madeUp = await t.app.inject({ method: route.method as 'GET', url: fill(route.url), cookies: { stegvis_session: 'pahittad' } });
      if (none.statusCode !== 401 || madeUp.statusCode !== 401) wrong.push(`${keyOf(route)}: ${none.statusCode}/${madeUp.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  // The permission check runs in preValidation, before anything is looked up: a role without the
  // permission gets 403 whatever the ids, never a 404 that would tell whether the record exists.
  it('answers 403 to every role that lacks the permission', async () => {
    const wrong: string[] = [];
    for (const route of listed()) {
      const allowed = who(keyOf(route));
      if (!Array.isArray(allowed)) continue;
      for (const role of [...roles.filter((r) => !allowed.includes(r)), 'none' as const]) {
        const answer = await call(role, route.method, fill(route.url), {});
        if (answer.status !== 403) wrong.push(`${keyOf(route)} as ${role}: ${answer.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets every listed role past the permission check', async () => {
    const wrong: string[] = [];
    for (const route of listed().filter((r) => r.url !== '/api/v1/auth/logout')) {
      const allowed = who(keyOf(route));
      for (const role of Array.isArray(allowed) ? allowed : allowed === 'authenticated' ? roles : []) {
        const answer = await call(role, route.method, fill(route.url), {});
        if ([401, 403].includes(answer.status)) wrong.push(`${keyOf(route)} as ${role}: ${answer.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 or 404 to an allowed role on another organisation’s record', async () => {
    const wrong: string[] = [];
    for (const [key, row] of Object.entries(matrix)) {
      const [method, url] = key.split(' ');
      if (url.includes(':') && !row.foreign && !row.scope) wrong.push(`${key}: no scope probe and no reason`);
      if (!row.foreign || !Array.isArray(row.who)) continue;
      const probe = row.foreign(foreign);
      for (const role of row.who.filter((r) => !row.unscoped?.includes(r))) {
        const answer = await call(role, method, probe.url, probe.body, probe.csv);
        if (![403, 404].includes(answer.status) && !probe.accept?.(answer)) wrong.push(`${key} as ${role}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
