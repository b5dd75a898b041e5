import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { login } from '../../test/http.js';
import { testPassword } from '../../test/world.js';
import { hashPassword } from '../auth/password.js';

// Issue 9 item 9: the users page offers an administrator only the roles it can grant; the server
// says which (`can.grantableRoles` in GET /auth/me, from rights-policy.ts), and the grant itself
// agrees: a role left out is refused, a role offered is accepted.
const t = worldFixture();
let forbundAdminEmail: string;

beforeAll(async () => {
  forbundAdminEmail = 'admin@forbund.test';
  const { id } = await t.db.insertInto('users')
    .values({ email: forbundAdminEmail, display_name: 'Förbundets admin', organisation_id: t.world.orgs.forbund, password_hash: await hashPassword(testPassword) })
    .returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('assignments').values({ user_id: id, role: 'org_admin' }).execute();
});

const grantable = async (email: string) => (await (await login(t.app, email)).get('/api/v1/auth/me')).body.can.grantableRoles as string[];

describe('roles an administrator is offered', () => {
  it('are what each can grant: none for staff, the own organisation’s for an org admin, the förbund’s for its admin', async () => {
    expect(await grantable(t.world.users.kommunWorker.email)).toEqual([]);
    expect(await grantable(t.world.users.associationAdmin.email)).toEqual([]);
    expect((await grantable(t.world.users.orgAdmin.email)).sort()).toEqual(['case_worker', 'intervention_lead', 'log_reviewer', 'org_admin']);
    expect((await grantable(forbundAdminEmail)).sort()).toEqual(['association_admin', 'log_reviewer', 'org_admin', 'report_reader']);
    expect((await grantable(t.world.users.systemAdmin.email)).sort()).toEqual(['org_admin', 'system_admin']);
  });

  it('agree with the grant itself for the municipality’s org admin', async () => {
    const admin = await login(t.app, t.world.users.orgAdmin.email);
    const offered = await grantable(t.world.users.orgAdmin.email);
    const target = t.world.users.noRole.id;
    const url = `/api/v1/users/${target}/assignments`;
    for (const role of ['system_admin', 'association_admin', 'report_reader']) {
      expect(offered).not.toContain(role);
      const body = role === 'system_admin' ? { role } : { role, associationId: t.world.orgs.forbund };
      expect([403, 404], role).toContain((await admin.post(url, body)).status);
    }
    expect((await admin.post(url, { role: 'case_worker', interventionId: t.world.interventions.kommunInsats })).status).toBeLessThan(300);
    expect((await admin.post(url, { role: 'log_reviewer' })).status).toBeLessThan(300);
  });
});
