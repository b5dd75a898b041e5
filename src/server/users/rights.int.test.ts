import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testPassword } from '../../test/world.js';
import { login, loginAsOwnPassword, type Client } from '../../test/http.js';
import { hashPassword } from '../auth/password.js';

// Security finding 2 (High): rights could be self-granted, and no change of rights was audited.
// Assignments on an intervention or its team come only from the owner's org_admin, organisation
// roles only from the organisation's own org_admin (a system administrator appoints only the
// first one), nobody changes their own rights, and every change or refusal is audited.

const t = worldFixture();
const orgAdmin = t.as('orgAdmin');
const afOrgAdmin = t.as('afOrgAdmin');
const systemAdmin = t.as('systemAdmin');
/** Created in beforeAll: a kommun user, an AF user and an ANNAT user without roles. */
let kommunStaff: string;
let afStaff: string;
let annatStaff: string;
let afReviewer: { id: string; email: string };
let fkReviewer: { id: string; email: string };

const password = 'ett-långt-lösenord';
const selfMessage = 'Du kan inte ändra dina egna behörigheter. Be en annan administratör om hjälp.';

beforeAll(async () => {
  kommunStaff = (await orgAdmin.post('/api/v1/users', { email: 'personal@kommun.test', displayName: 'Kommunpersonal', password })).body.id;
  afStaff = (await afOrgAdmin.post('/api/v1/users', { email: 'personal@af.test', displayName: 'AF-personal', password })).body.id;
  const hash = await hashPassword(testPassword);
  const direct = async (email: string, organisationId: string, role?: 'log_reviewer') => {
    const { id } = await t.db.insertInto('users').values({ email, display_name: email, organisation_id: organisationId, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    if (role) await t.db.insertInto('assignments').values({ user_id: id, role }).execute();
    return { id, email };
  };
  annatStaff = (await direct('personal@annat.test', t.world.orgs.other)).id;
  afReviewer = await direct('logg@af.test', t.world.orgs.af, 'log_reviewer');
  fkReviewer = await direct('logg@fk.test', t.world.orgs.fk, 'log_reviewer');
});

const assignmentRows = () => t.db.selectFrom('assignments').selectAll().orderBy('id').execute();
const grant = (client: Client, userId: string, body: object) => client.post(`/api/v1/users/${userId}/assignments`, body);
const revoke = (client: Client, userId: string, assignmentId: string) => client.request('DELETE', `/api/v1/users/${userId}/assignments/${assignmentId}`);
const caseWork = (interventionId: string) => ({ role: 'case_worker', interventionId });
const rightsEvents = () =>
  t.db
    .selectFrom('audit_events')
    .select(['id', 'actor_user_id', 'actor_org_id', 'actor_role', 'action', 'entity', 'outcome', 'details', 'person_id', 'enrolment_id'])
    .where('entity', 'in', ['user', 'assignment'])
    .orderBy('id')
    .execute();
const lastEventId = async () => (await t.db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
const eventsSince = async (id: number) => (await rightsEvents()).filter((e) => e.id > id);

describe('who grants rights (finding 2)', () => {
  it('refuses an org_admin case work on another organisation’s intervention, for itself or for its staff', async () => {
    const before = await assignmentRows();
    // The reported attack: the municipality's admin gave itself case work on AF's intervention (201).
    const self = await grant(orgAdmin, t.world.users.orgAdmin.id, caseWork(t.world.interventions.afInsats));
    expect(self.status).toBe(403);
    expect(self.body.message).toBe(selfMessage);
    const staff = await grant(orgAdmin, kommunStaff, caseWork(t.world.interventions.afInsats));
    expect(staff.status).toBe(403);
    expect(staff.body.message).toBe('Bara insatsens ägare kan ge uppdrag i insatsen. Be ägarens organisationsadministratör om hjälp.');
    // A team is part of its intervention: AF's admin cannot hand out work in the municipality's team.
    const team = await grant(afOrgAdmin, afStaff, { role: 'case_worker', teamId: t.world.teams.teamA });
    expect(team.status).toBe(403);
    expect(await assignmentRows()).toEqual(before);
  });

  it('lets nobody grant, change or remove their own rights, whatever their role', async () => {
    const before = await assignmentRows();
    const attempts: [Client, string, object][] = [
      [orgAdmin, t.world.users.orgAdmin.id, caseWork(t.world.interventions.kommunInsats)],
      [orgAdmin, t.world.users.orgAdmin.id, { role: 'log_reviewer' }],
      [orgAdmin, t.world.users.orgAdmin.id, { role: 'intervention_lead', teamId: t.world.teams.teamB }],
      [systemAdmin, t.world.users.systemAdmin.id, caseWork(t.world.interventions.kommunInsats)],
      [systemAdmin, t.world.users.systemAdmin.id, { role: 'log_reviewer' }],
      [systemAdmin, t.world.users.systemAdmin.id, { role: 'org_admin' }],
    ];
    for (const [client, userId, body] of attempts) {
      const response = await grant(client, userId, body);
      expect(response.status, JSON.stringify(body)).toBe(403);
      expect(response.body).toEqual({ code: 'forbidden', message: selfMessage, errors: [] });
    }
    const own = (userId: string) => before.find((a) => a.user_id === userId)!;
    for (const [client, userId] of [[orgAdmin, t.world.users.orgAdmin.id], [systemAdmin, t.world.users.systemAdmin.id]] as const) {
      const response = await revoke(client, userId, own(userId).id);
      expect(response.status).toBe(403);
      expect(response.body.message).toBe(selfMessage);
    }
    expect(await assignmentRows()).toEqual(before);
  });

  it('lets a system administrator appoint only the first org_admin of an organisation, and no case work or log review', async () => {
    const before = await assignmentRows();
    for (const body of [
      caseWork(t.world.interventions.kommunInsats),
      { role: 'intervention_lead', interventionId: t.world.interventions.kommunInsats },
      { role: 'log_reviewer' },
      // The municipality has an org_admin: it appoints further ones itself.
      { role: 'org_admin' },
    ]) {
      const response = await grant(systemAdmin, kommunStaff, body);
      expect(response.status, JSON.stringify(body)).toBe(403);
      expect(response.body.message).toEqual(expect.any(String));
    }
    // Förbund roles come from the förbund's own admin only.
    const forbundStaff = (await systemAdmin.post('/api/v1/users', { email: 'kansli@forbund.test', displayName: 'Kansli', password, organisationId: t.world.orgs.forbund })).body.id;
    expect((await grant(systemAdmin, forbundStaff, { role: 'report_reader', associationId: t.world.orgs.forbund })).status).toBe(403);
    expect(await assignmentRows()).toEqual(before);
    // The förbund has no org_admin yet: the system administrator appoints the first one, and only one.
    expect((await grant(systemAdmin, forbundStaff, { role: 'org_admin' })).status).toBe(201);
    const second = (await systemAdmin.post('/api/v1/users', { email: 'kansli2@forbund.test', displayName: 'Kansli 2', password, organisationId: t.world.orgs.forbund })).body.id;
    expect((await grant(systemAdmin, second, { role: 'org_admin' })).status).toBe(403);
    // That admin hands out the förbund's roles.
    const forbundAdmin = await loginAsOwnPassword(t.app, 'kansli@forbund.test', password);
    expect((await grant(forbundAdmin, second, { role: 'report_reader', associationId: t.world.orgs.forbund })).status).toBe(201);
  });

  it('keeps log review and org_admin with the organisation’s own admin', async () => {
    const before = await assignmentRows();
    // Another organisation's user answers as missing, as before.
    for (const body of [{ role: 'log_reviewer' }, { role: 'org_admin' }]) {
      expect((await grant(afOrgAdmin, kommunStaff, body)).status).toBe(404);
    }
    expect(await assignmentRows()).toEqual(before);
    expect((await grant(orgAdmin, kommunStaff, { role: 'log_reviewer' })).status).toBe(201);
  });
});

describe('Finsam joint teams: a user of another party in the owner’s intervention', () => {
  const lookup = (client: Client, email: string) => client.post('/api/v1/users/lookup', { email });

  it('finds a user of a party of the same förbund by exact e-mail only, answering anything else as not found', async () => {
    const found = await lookup(orgAdmin, ' Personal@AF.test ');
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ id: afStaff, email: 'personal@af.test', displayName: 'AF-personal', organisationId: t.world.orgs.af, active: true, assignments: [] });
    const none = await lookup(orgAdmin, 'ingen@af.test');
    expect(none.status).toBe(404);
    // ANNAT is in no förbund with the municipality; a part of an address finds nothing.
    for (const email of ['personal@annat.test', 'personal@af.tes', 'personal@af.test.se']) {
      const response = await lookup(orgAdmin, email);
      expect(response.status, email).toBe(404);
      expect(response.body).toEqual(none.body);
    }
    // Only the owner's view of the user: AF's own intervention is not shown to the municipality.
    const afWorker = await lookup(orgAdmin, t.world.users.afWorker.email);
    expect(afWorker.body.assignments).toEqual([
      { id: expect.any(String), role: 'case_worker', interventionId: t.world.interventions.kommunInsats, teamId: null, associationId: null },
    ]);
    expect((await lookup(t.as('kommunWorker'), 'personal@af.test')).status).toBe(403);
  });

  it('lets the owner’s admin give that user case work in the owner’s intervention or team, and nothing else', async () => {
    const before = await assignmentRows();
    // ANNAT's user cannot be reached, even through an intervention the municipality owns.
    const outside = await grant(orgAdmin, annatStaff, caseWork(t.world.interventions.kommunInsats));
    expect(outside.status).toBe(404);
    // AF's user is not given work in AF's intervention by the municipality.
    expect((await grant(orgAdmin, afStaff, caseWork(t.world.interventions.afInsats))).status).toBe(404);
    expect(await assignmentRows()).toEqual(before);

    const granted = await grant(orgAdmin, afStaff, { role: 'case_worker', teamId: t.world.teams.teamA });
    expect(granted.status).toBe(201);
    const staff = await loginAsOwnPassword(t.app, 'personal@af.test', password);
    expect((await staff.get(`/api/v1/interventions/${t.world.interventions.kommunInsats}`)).body.can.enrol).toBe(true);

    // The owner now sees the user in its list, with its own assignments only, but does not manage the account.
    const list = await orgAdmin.get('/api/v1/users');
    const listed = list.body.items.find((u: { id: string }) => u.id === afStaff);
    expect(listed.assignments).toEqual([{ id: granted.body.id, role: 'case_worker', interventionId: null, teamId: t.world.teams.teamA, associationId: null }]);
    const rename = await orgAdmin.patch(`/api/v1/users/${afStaff}`, { active: false });
    expect(rename.status).toBe(403);
    expect(rename.body.message).toBe('Användaren tillhör en annan organisation. Bara den organisationens administratör kan ändra kontot.');
    for (const body of [{ role: 'log_reviewer' }, { role: 'org_admin' }]) {
      const response = await grant(orgAdmin, afStaff, body);
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('Roller för hela organisationen ges av användarens egen organisationsadministratör.');
    }
  });

  it('lets the owner’s admin or the user’s own admin remove it, and nobody else', async () => {
    const first = await grant(orgAdmin, afStaff, caseWork(t.world.interventions.kommunInsats));
    expect(first.status).toBe(201);
    const second = (await t.db.selectFrom('assignments').select('id').where('user_id', '=', afStaff).where('team_id', '=', t.world.teams.teamA).executeTakeFirstOrThrow()).id;
    // FK's admin (made here) is neither the owner nor the user's employer.
    const fkAdmin = (await systemAdmin.post('/api/v1/users', { email: 'admin@fk.test', displayName: 'FK admin', password, organisationId: t.world.orgs.fk })).body.id;
    expect((await grant(systemAdmin, fkAdmin, { role: 'org_admin' })).status).toBe(201);
    const fk = await loginAsOwnPassword(t.app, 'admin@fk.test', password);
    expect((await revoke(fk, afStaff, second)).status).toBe(404);
    expect((await revoke(systemAdmin, afStaff, second)).status).toBe(403);
    // The municipality's admin cannot remove what AF's staff hold in AF's intervention.
    const afInsats = (await t.db.selectFrom('assignments').select('id').where('user_id', '=', t.world.users.afWorker.id).where('intervention_id', '=', t.world.interventions.afInsats).executeTakeFirstOrThrow()).id;
    expect((await revoke(orgAdmin, t.world.users.afWorker.id, afInsats)).status).toBe(404);

    expect((await revoke(orgAdmin, afStaff, second)).status).toBe(204);
    expect((await revoke(afOrgAdmin, afStaff, first.body.id)).status).toBe(204);
    expect(await t.db.selectFrom('assignments').select('id').where('user_id', '=', afStaff).execute()).toEqual([]);
  });
});

describe('every change of users, roles and assignments is audited (finding 2)', () => {
  it('writes an allowed event naming the target and role, never a password', async () => {
    const from = await lastEventId();
    const created = await orgAdmin.post('/api/v1/users', { email: 'revision@kommun.test', displayName: 'Revision', password });
    const id = created.body.id as string;
    await orgAdmin.patch(`/api/v1/users/${id}`, { displayName: 'Revisor' });
    await orgAdmin.patch(`/api/v1/users/${id}`, { active: false });
    await orgAdmin.patch(`/api/v1/users/${id}`, { active: true });
    const assignment = (await grant(orgAdmin, id, caseWork(t.world.interventions.kommunInsats))).body.id;
    await revoke(orgAdmin, id, assignment);
    const events = await eventsSince(from);
    const common = { actor_user_id: t.world.users.orgAdmin.id, actor_org_id: t.world.orgs.kommun, actor_role: 'org_admin', outcome: 'allowed', person_id: null, enrolment_id: null };
    const target = { userId: id, userOrgId: t.world.orgs.kommun };
    expect(events).toEqual([
      { ...common, id: expect.any(Number), action: 'create', entity: 'user', details: { ...target, passwordSet: true, passwordMustChange: true } },
      { ...common, id: expect.any(Number), action: 'update', entity: 'user', details: { ...target, fields: ['displayName'] } },
      { ...common, id: expect.any(Number), action: 'update', entity: 'user', details: { ...target, fields: ['active'], active: false } },
      { ...common, id: expect.any(Number), action: 'update', entity: 'user', details: { ...target, fields: ['active'], active: true } },
      {
        ...common, id: expect.any(Number), action: 'create', entity: 'assignment',
        details: { ...target, assignmentId: assignment, role: 'case_worker', interventionId: t.world.interventions.kommunInsats, teamId: null, associationId: null },
      },
      {
        ...common, id: expect.any(Number), action: 'delete', entity: 'assignment',
        details: { ...target, assignmentId: assignment, role: 'case_worker', interventionId: t.world.interventions.kommunInsats, teamId: null, associationId: null },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it('writes a denied event for every refused change, committed although the change is not', async () => {
    const from = await lastEventId();
    const before = await assignmentRows();
    await grant(orgAdmin, t.world.users.orgAdmin.id, caseWork(t.world.interventions.afInsats));
    await grant(orgAdmin, kommunStaff, caseWork(t.world.interventions.afInsats));
    await grant(afOrgAdmin, kommunStaff, { role: 'log_reviewer' });
    await revoke(orgAdmin, t.world.users.orgAdmin.id, before.find((a) => a.user_id === t.world.users.orgAdmin.id)!.id);
    await orgAdmin.post('/api/v1/users', { email: 'utanfor@af.test', displayName: 'Utanför', password, organisationId: t.world.orgs.af });
    await afOrgAdmin.patch(`/api/v1/users/${kommunStaff}`, { active: false });
    const events = await eventsSince(from);
    expect(events.map((e) => [e.actor_user_id, e.action, e.entity, e.outcome, (e.details as { reason: string }).reason])).toEqual([
      [t.world.users.orgAdmin.id, 'create', 'assignment', 'denied', 'forbidden'],
      [t.world.users.orgAdmin.id, 'create', 'assignment', 'denied', 'forbidden'],
      [t.world.users.afOrgAdmin.id, 'create', 'assignment', 'denied', 'not_found'],
      [t.world.users.orgAdmin.id, 'delete', 'assignment', 'denied', 'forbidden'],
      [t.world.users.orgAdmin.id, 'create', 'user', 'denied', 'not_found'],
      [t.world.users.afOrgAdmin.id, 'update', 'user', 'denied', 'not_found'],
    ]);
    expect(events[0].details).toMatchObject({ userId: t.world.users.orgAdmin.id, userOrgId: t.world.orgs.kommun, role: 'case_worker', interventionId: t.world.interventions.afInsats });
    expect(await assignmentRows()).toEqual(before);
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it('shows rights changes made by or to an organisation’s users in its log review, and to no other organisation', async () => {
    const from = await lastEventId();
    const granted = await grant(orgAdmin, afStaff, caseWork(t.world.interventions.kommunInsats));
    expect(granted.status).toBe(201);
    const [event] = await eventsSince(from);
    const ids = (items: { id: number }[]) => items.map((i) => i.id);
    const review = async (email: string, userId: string) => {
      const response = await (await login(t.app, email)).post('/api/v1/audit/user-accesses', { userId });
      expect(response.status).toBe(200);
      return response.body.items as { id: number; action: string; entity: string; outcome: string; user: { id: string } | null }[];
    };
    // Made by the municipality's admin: the municipality's reviewer sees it under that admin.
    expect(ids(await review(t.world.users.logReviewer.email, t.world.users.orgAdmin.id))).toContain(event.id);
    // Made to AF's user: AF's reviewer sees it under that user, with who made it.
    const af = (await review(afReviewer.email, afStaff)).find((i) => i.id === event.id);
    expect(af).toMatchObject({ action: 'create', entity: 'assignment', outcome: 'allowed', user: { id: t.world.users.orgAdmin.id } });
    // FK had nothing to do with it.
    expect(ids(await review(fkReviewer.email, afStaff))).not.toContain(event.id);
    expect(ids(await review(fkReviewer.email, t.world.users.orgAdmin.id))).not.toContain(event.id);
  });
});
