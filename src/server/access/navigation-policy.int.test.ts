import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import type { World } from '../../test/world.js';
import { login, type Client, type Reply } from '../../test/http.js';

// GET /auth/me's `can` is what the web app offers. It must agree with the API: a flag that is
// true means the route it stands for lets the user past the permission check (anything but 403),
// a false flag means 403. Every probe is a read, or a write the route refuses as invalid (400)
// once the permission check has let it through, so the probes change nothing.

const t = worldFixture();

type Can = {
  participants: boolean;
  enrol: boolean;
  reports: boolean;
  reportAssociations: string[];
  dashboardAssociations: string[];
  importKinds: string[];
  users: boolean;
  organisations: boolean;
  codeLists: boolean;
  logReview: boolean;
  subjectAccess: boolean;
  /** Which roles the user's assignment form offers (checked against the grants in grantable-roles.int.test.ts). */
  grantableRoles: string[];
  surveys: boolean;
  surveyTranslations: boolean;
  boardReports: boolean;
};

const period = 'from=2024-01-01&to=2024-12-31';

/** The API route behind each flag (the one the web page behind it calls first). */
const probes: Record<Exclude<keyof Can, 'reportAssociations' | 'dashboardAssociations' | 'importKinds' | 'grantableRoles' | 'boardReports'>, (c: Client) => Promise<Reply>> = {
  participants: (c) => c.get('/api/v1/enrolments'),
  enrol: (c) => c.post('/api/v1/enrolments', {}),
  reports: (c) => c.get(`/api/v1/reports/outcomes?${period}`),
  users: (c) => c.get('/api/v1/users'),
  organisations: (c) => c.post('/api/v1/organisations', {}),
  codeLists: (c) => c.post('/api/v1/code-lists/occupation', {}),
  logReview: (c) => c.get('/api/v1/audit/users'),
  subjectAccess: (c) => c.get('/api/v1/persons/00000000-0000-4000-8000-000000000000/subject-access'),
  surveys: (c) => c.get('/api/v1/interventions/00000000-0000-4000-8000-000000000000/survey-results'),
  surveyTranslations: (c) => c.get('/api/v1/questionnaires'),
};
const importKinds = ['organisations', 'interventions', 'enrolments'];

const me = async (client: Client): Promise<{ roles: string[]; can: Can }> => {
  const answer = await client.get('/api/v1/auth/me');
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('GET /auth/me `can`', () => {
  it('agrees with the API for every user of the seeded world, role by role', async () => {
    const associations = await t.db.selectFrom('organisations').select(['id', 'code']).where('kind', '=', 'association').execute();
    expect(associations.length).toBeGreaterThan(1);
    for (const [name, user] of Object.entries(t.world.users)) {
      const client = await login(t.app, user.email);
      const { can } = await me(client);
      for (const [flag, probe] of Object.entries(probes)) {
        const status = (await probe(client)).status;
        if (can[flag as keyof typeof probes]) expect(status, `${name}: ${flag}`).not.toBe(403);
        else expect(status, `${name}: ${flag}`).toBe(403);
      }
      for (const kind of importKinds) {
        const status = (await client.post(`/api/v1/imports/${kind}?dryRun=true`, {})).status;
        if (can.importKinds.includes(kind)) expect(status, `${name}: import ${kind}`).toBe(400);
        else expect(status, `${name}: import ${kind}`).toBe(403);
      }
      // A förbund's report opens exactly for the förbund listed; every other one is not found (or refused).
      for (const association of associations) {
        const status = (await client.get(`/api/v1/reports/outcomes?association=${association.code}&${period}`)).status;
        if (can.reportAssociations.includes(association.id)) expect(status, `${name}: report of ${association.code}`).toBe(200);
        else expect([403, 404], `${name}: report of ${association.code}`).toContain(status);
        const dashboard = (await client.get(`/api/v1/reports/dashboard?association=${association.code}&period=2024`)).status;
        if (can.dashboardAssociations.includes(association.id)) expect(dashboard, `${name}: dashboard of ${association.code}`).toBe(200);
        else expect([403, 404], `${name}: dashboard of ${association.code}`).toContain(dashboard);
      }
    }
  });

  it('gives each role what its pages need, and a user without a role nothing', async () => {
    const none: Can = {
      participants: false,
      enrol: false,
      reports: false,
      reportAssociations: [],
      dashboardAssociations: [],
      importKinds: [],
      users: false,
      organisations: false,
      codeLists: false,
      logReview: false,
      subjectAccess: false,
      grantableRoles: [],
      surveys: false,
      surveyTranslations: false,
      boardReports: false,
    };
    const admin = ['case_worker', 'intervention_lead', 'org_admin', 'log_reviewer'];
    const expected: Record<keyof World['users'], Can> = {
      kommunWorker: { ...none, participants: true, enrol: true, reports: true, importKinds: ['enrolments'], surveys: true },
      teamBWorker: { ...none, participants: true, enrol: true, reports: true, importKinds: ['enrolments'], surveys: true },
      afWorker: { ...none, participants: true, enrol: true, reports: true, importKinds: ['enrolments'], surveys: true },
      fkWorker: { ...none, participants: true, enrol: true, reports: true, importKinds: ['enrolments'], surveys: true },
      lead: { ...none, reports: true, importKinds: ['interventions'], surveys: true, surveyTranslations: true },
      associationAdmin: { ...none, reports: true, reportAssociations: [t.world.orgs.forbund], dashboardAssociations: [t.world.orgs.forbund], surveys: true, surveyTranslations: true, boardReports: true },
      reportReader: { ...none, boardReports: true, dashboardAssociations: [t.world.orgs.forbund] },
      orgAdmin: { ...none, importKinds: ['interventions'], users: true, subjectAccess: true, grantableRoles: admin },
      logReviewer: { ...none, logReview: true, subjectAccess: true },
      systemAdmin: { ...none, importKinds: ['organisations', 'interventions'], users: true, organisations: true, codeLists: true, grantableRoles: ['org_admin', 'system_admin'] },
      afOrgAdmin: { ...none, importKinds: ['interventions'], users: true, subjectAccess: true, grantableRoles: admin },
      noRole: none,
    };
    for (const [name, user] of Object.entries(t.world.users)) {
      const { can } = await me(await login(t.app, user.email));
      expect(can, name).toEqual(expected[name as keyof World['users']]);
    }
  });

  it('follows a changed assignment on the next request', async () => {
    const client = t.as('noRole');
    expect((await me(client)).can.users).toBe(false);
    const assignment = await t.db
      .insertInto('assignments')
      .values({ user_id: t.world.users.noRole.id, role: 'org_admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const after = await me(client);
      expect(after.can.users).toBe(true);
      expect(after.roles).toEqual(['org_admin']);
      expect((await client.get('/api/v1/users')).status).toBe(200);
    } finally {
      await t.db.deleteFrom('assignments').where('id', '=', assignment.id).execute();
    }
    expect((await me(client)).can.users).toBe(false);
  });

  it('no longer carries the assignments: the web app has nothing to derive rights from', async () => {
    const answer = await t.as('associationAdmin').get('/api/v1/auth/me');
    expect(Object.keys(answer.body).sort()).toEqual(['can', 'csrfToken', 'hasPassword', 'mustChangePassword', 'roles', 'user']);
  });
});
