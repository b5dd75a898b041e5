import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { anonymousClient, loginAsOwnPassword, type Client } from '../../test/http.js';
import { AppError } from '../errors.js';
import { assignmentInsertError } from './assignment.service.js';

const t = worldFixture();
const orgAdmin = t.as('orgAdmin');
const afOrgAdmin = t.as('afOrgAdmin');
const systemAdmin = t.as('systemAdmin');
const worker = t.as('kommunWorker');
let staffId: string;

const missingId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  // A fresh kommun user without roles to hand work to.
  staffId = (await orgAdmin.post('/api/v1/users', { email: 'personal@kommun.test', displayName: 'Personal', password: 'ett-långt-lösenord' })).body.id;
});

const assignmentRows = () => t.db.selectFrom('assignments').selectAll().orderBy('id').execute();
const url = (userId = staffId) => `/api/v1/users/${userId}/assignments`;
const del = (client: Client, userId: string, assignmentId: string) =>
  client.request('DELETE', `/api/v1/users/${userId}/assignments/${assignmentId}`);

const expectBadRequest = (response: { status: number; body: any }, paths: string[]) => {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ code: 'bad_request', message: expect.any(String), errors: expect.any(Array) });
  for (const error of response.body.errors) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
  expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
};

describe('POST /users/:id/assignments', () => {
  const caseWork = () => ({ role: 'case_worker', interventionId: t.world.interventions.kommunInsats });

  it('needs a session', async () => {
    expect((await anonymousClient(t.app).post(url(), caseWork())).status).toBe(401);
  });

  it('refuses roles that do not manage users', async () => {
    expect((await worker.post(url(), caseWork())).status).toBe(403);
  });

  it('answers a user of another organisation exactly as missing', async () => {
    const before = await assignmentRows();
    const outside = await afOrgAdmin.post(url(), caseWork());
    const missing = await afOrgAdmin.post(url(missingId), caseWork());
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    expect(await assignmentRows()).toEqual(before);
  });

  it('answers an intervention, team or förbund outside the admin’s scope as missing', async () => {
    const before = await assignmentRows();
    const missing = await orgAdmin.post(url(), { role: 'case_worker', interventionId: missingId });
    expect(missing.status).toBe(404);
    for (const body of [
      { role: 'case_worker', interventionId: t.world.interventions.annatInsats },
      { role: 'report_reader', associationId: t.world.orgs.other },
      // Förbund roles open the förbund's aggregates: a member organisation's admin cannot hand them out.
      { role: 'association_admin', associationId: t.world.orgs.forbund },
    ]) {
      const response = await orgAdmin.post(url(), body);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(missing.body);
    }
    expect(await assignmentRows()).toEqual(before);
  });

  it('assigns work, and the new role applies on the next request', async () => {
    const response = await orgAdmin.post(url(), caseWork());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), role: 'case_worker', interventionId: t.world.interventions.kommunInsats, teamId: null, associationId: null });
    const team = await orgAdmin.post(url(), { role: 'intervention_lead', teamId: t.world.teams.teamA });
    expect(team.status).toBe(201);
    // AF-INSATS is visible to the municipality's admin through the förbund, but only AF's admin
    // hands out work in it; förbund roles come from the förbund's own admin (security finding 2).
    expect((await orgAdmin.post(url(), { role: 'case_worker', interventionId: t.world.interventions.afInsats })).status).toBe(403);
    expect((await systemAdmin.post(url(), { role: 'report_reader', associationId: t.world.orgs.forbund })).status).toBe(403);
    const staff = await loginAsOwnPassword(t.app, 'personal@kommun.test', 'ett-långt-lösenord');
    const view = await staff.get(`/api/v1/interventions/${t.world.interventions.kommunInsats}`);
    expect(view.body.can.enrol).toBe(true);
  });

  it('lets only the owner’s admin appoint a lead or hand out case work, also to another party’s staff', async () => {
    const before = await assignmentRows();
    const response = await orgAdmin.post(url(), { role: 'intervention_lead', interventionId: t.world.interventions.afInsats });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('Bara insatsens ägare kan utse insatsansvariga. Be ägarens organisationsadministratör om hjälp.');
    expect(await assignmentRows()).toEqual(before);
    const afStaff = (await afOrgAdmin.post('/api/v1/users', { email: 'personal@af.test', displayName: 'AF', password: 'ett-långt-lösenord' })).body.id;
    // Security finding 2: AF's admin no longer gives its staff case work in the municipality's team.
    expect((await afOrgAdmin.post(url(afStaff), { role: 'case_worker', teamId: t.world.teams.teamA })).status).toBe(403);
    expect((await afOrgAdmin.post(url(afStaff), { role: 'intervention_lead', teamId: t.world.teams.teamA })).status).toBe(403);
    // Case work crosses parties through the owner: the municipality's admin gives AF's staff work in its team.
    expect((await orgAdmin.post(url(afStaff), { role: 'case_worker', teamId: t.world.teams.teamA })).status).toBe(201);
  });

  it('refuses the same assignment twice with 409', async () => {
    const before = await assignmentRows();
    const response = await orgAdmin.post(url(), caseWork());
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Användaren har redan den rollen för samma insats, team eller förbund.');
    expect(await assignmentRows()).toEqual(before);
  });

  it('lets only a system administrator grant system_admin', async () => {
    const denied = await orgAdmin.post(url(), { role: 'system_admin' });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Bara en systemadministratör kan ge rollen systemadministratör.');
    const granted = await systemAdmin.post(url(t.world.users.logReviewer.id), { role: 'system_admin' });
    expect(granted.status).toBe(201);
  });

  it('keeps association_admin apart from case_worker', async () => {
    // Only the förbund's own admin can hand out both, to its staff, in an intervention the förbund owns.
    const forbundAdmin = (await systemAdmin.post('/api/v1/users', { email: 'admin@forbund.test', displayName: 'Förbundsadmin', password: 'ett-långt-lösenord', organisationId: t.world.orgs.forbund })).body.id;
    expect((await systemAdmin.post(url(forbundAdmin), { role: 'org_admin' })).status).toBe(201);
    const admin = await loginAsOwnPassword(t.app, 'admin@forbund.test', 'ett-långt-lösenord');
    const { id: forbundInsats } = await t.db
      .insertInto('interventions')
      .values({ code: 'FORBUNDSINSATS', name: 'Förbundets insats', owner_org_id: t.world.orgs.forbund, association_id: t.world.orgs.forbund, start_date: '2024-01-01', orientation: 'individual', follow_up: 'individual' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const kansli = (await admin.post('/api/v1/users', { email: 'kansli@forbund.test', displayName: 'Kansli', password: 'ett-långt-lösenord' })).body.id;
    expect((await admin.post(url(kansli), { role: 'case_worker', interventionId: forbundInsats })).status).toBe(201);
    const before = await assignmentRows();
    const response = await admin.post(url(kansli), { role: 'association_admin', associationId: t.world.orgs.forbund });
    expectBadRequest(response, ['role']);
    expect(response.body.message).toMatch(/förbundsadministratör kan inte också vara handläggare/);
    const reverse = await admin.post(url(t.world.users.associationAdmin.id), { role: 'case_worker', interventionId: forbundInsats });
    expectBadRequest(reverse, ['role']);
    expect(await assignmentRows()).toEqual(before);
  });

  it('maps the database trigger that keeps the roles apart to the same 400', async () => {
    const error = await t.db
      .insertInto('assignments')
      .values({ user_id: t.world.users.associationAdmin.id, role: 'case_worker', intervention_id: t.world.interventions.afInsats })
      .execute()
      .catch((e: unknown) => e);
    const mapped = assignmentInsertError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).status).toBe(400);
    expect((mapped as AppError).errors).toEqual([{ path: 'role', message: 'Rollerna association_admin och case_worker kan inte kombineras' }]);
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const before = await assignmentRows();
    expectBadRequest(await orgAdmin.post(url(), { role: 'chef' }), ['body.role']);
    expectBadRequest(await orgAdmin.post(url(), { role: 'case_worker' }), ['body.interventionId']);
    expectBadRequest(
      await orgAdmin.post(url(), { role: 'case_worker', interventionId: t.world.interventions.kommunInsats, teamId: t.world.teams.teamA }),
      ['body.interventionId'],
    );
    expectBadRequest(await orgAdmin.post(url(), { role: 'report_reader' }), ['body.associationId']);
    expectBadRequest(await orgAdmin.post(url(), { role: 'org_admin', interventionId: t.world.interventions.kommunInsats }), ['body.interventionId']);
    // The admin's own organisation is not a förbund.
    expectBadRequest(await orgAdmin.post(url(), { role: 'report_reader', associationId: t.world.orgs.kommun }), ['associationId']);
    expect(await assignmentRows()).toEqual(before);
  });
});

describe('DELETE /users/:id/assignments/:assignmentId', () => {
  const leadAssignment = async () =>
    (await t.db.selectFrom('assignments').select('id').where('user_id', '=', t.world.users.lead.id).executeTakeFirstOrThrow()).id;

  it('needs a session', async () => {
    expect((await del(anonymousClient(t.app), t.world.users.lead.id, await leadAssignment())).status).toBe(401);
  });

  it('refuses roles that do not manage users', async () => {
    expect((await del(worker, t.world.users.lead.id, await leadAssignment())).status).toBe(403);
  });

  it('answers another organisation’s user, or another user’s assignment, exactly as missing', async () => {
    const before = await assignmentRows();
    const outside = await del(afOrgAdmin, t.world.users.lead.id, await leadAssignment());
    const missing = await del(afOrgAdmin, missingId, missingId);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    const wrongUser = await del(orgAdmin, staffId, await leadAssignment());
    expect(wrongUser.status).toBe(404);
    expect(wrongUser.body).toEqual(missing.body);
    expect(await assignmentRows()).toEqual(before);
  });

  it('removes the assignment, and the role is gone on the next request', async () => {
    const lead = t.as('lead');
    expect((await lead.get(`/api/v1/interventions/${t.world.interventions.kommunInsats}`)).body.can.update).toBe(true);
    const response = await del(orgAdmin, t.world.users.lead.id, await leadAssignment());
    expect(response.status).toBe(204);
    expect((await lead.get(`/api/v1/interventions/${t.world.interventions.kommunInsats}`)).status).toBe(403);
  });

  it('keeps system administrators’ roles for system administrators', async () => {
    const granted = await t.db.selectFrom('assignments').select('id').where('user_id', '=', t.world.users.logReviewer.id).where('role', '=', 'system_admin').executeTakeFirstOrThrow();
    expect((await del(orgAdmin, t.world.users.logReviewer.id, granted.id)).status).toBe(403);
    expect((await del(systemAdmin, t.world.users.logReviewer.id, granted.id)).status).toBe(204);
  });

  it('rejects malformed ids and changes nothing', async () => {
    const before = await assignmentRows();
    expectBadRequest(await del(orgAdmin, staffId, 'första'), ['params.assignmentId']);
    expect(await assignmentRows()).toEqual(before);
  });
});
