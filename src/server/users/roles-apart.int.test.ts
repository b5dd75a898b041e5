import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testPassword } from '../../test/world.js';
import { login, type Client } from '../../test/http.js';
import { hashPassword } from '../auth/password.js';
import { AppError } from '../errors.js';
import { assignmentInsertError } from './assignment.service.js';

// Security finding 7 (Low): the rule that association_admin and case_worker are never held
// together was checked by a trigger that two concurrent transactions could both pass (10 of 20
// tries on PostgreSQL gave both roles). The trigger now locks the user's row first, so the second
// transaction waits for the first and sees its assignment. On the embedded database (one
// connection) the same tests run and the transactions simply take turns.

const t = worldFixture();
let forbundAdmin: Client;
let forbundInsats: string;
let hash: string;

const tries = 20;

beforeAll(async () => {
  hash = await hashPassword(testPassword);
  // An intervention the förbund owns itself, so its own admin may hand out both roles to its staff.
  forbundInsats = (
    await t.db
      .insertInto('interventions')
      .values({ code: 'FORBUNDSINSATS', name: 'Förbundets insats', owner_org_id: t.world.orgs.forbund, association_id: t.world.orgs.forbund, start_date: '2024-01-01', orientation: 'individual', follow_up: 'individual' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const admin = await newForbundUser('admin-par@forbund.test');
  await t.db.insertInto('assignments').values({ user_id: admin, role: 'org_admin' }).execute();
  forbundAdmin = await login(t.app, 'admin-par@forbund.test');
});

async function newForbundUser(email: string) {
  return (await t.db.insertInto('users').values({ email, display_name: email, organisation_id: t.world.orgs.forbund, password_hash: hash }).returning('id').executeTakeFirstOrThrow()).id;
}

const bothHeld = async (userIds: string[]) =>
  (
    await t.db
      .selectFrom('assignments')
      .select('user_id')
      .where('user_id', 'in', userIds)
      .where('role', 'in', ['association_admin', 'case_worker'])
      .groupBy('user_id')
      .having(sql<boolean>`count(distinct role) > 1`)
      .execute()
  ).map((r) => r.user_id);

describe('association_admin and case_worker under concurrent grants (finding 7)', () => {
  it(`lets at most one of the two roles through in ${tries} concurrent tries on two connections`, async () => {
    const users: string[] = [];
    for (let i = 0; i < tries; i++) {
      const userId = await newForbundUser(`par-${i}@forbund.test`);
      users.push(userId);
      // Each transaction inserts and then holds its row uncommitted for a moment, so the two overlap.
      const insert = (values: { role: string; association_id?: string; intervention_id?: string }) =>
        t.db
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('assignments').values({ user_id: userId, ...values }).execute();
            await sql`select pg_sleep(0.05)`.execute(trx);
          })
          .then(
            () => 'granted' as const,
            (error: unknown) => error,
          );
      const results = await Promise.all([
        insert({ role: 'association_admin', association_id: t.world.orgs.forbund }),
        insert({ role: 'case_worker', intervention_id: forbundInsats }),
      ]);
      expect(results.filter((r) => r === 'granted')).toHaveLength(1);
      // The refusal is the trigger's, answered as the same 400 as the service's own check.
      const mapped = assignmentInsertError(results.find((r) => r !== 'granted'));
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).errors).toEqual([{ path: 'role', message: 'Rollerna association_admin och case_worker kan inte kombineras' }]);
    }
    expect(await bothHeld(users)).toEqual([]);
  });

  it(`answers 201 to one and 400 to the other of ${tries} concurrent pairs through the API`, async () => {
    const users: string[] = [];
    const second = await login(t.app, 'admin-par@forbund.test');
    for (let i = 0; i < tries; i++) {
      const userId = await newForbundUser(`api-par-${i}@forbund.test`);
      users.push(userId);
      const url = `/api/v1/users/${userId}/assignments`;
      const [a, b] = await Promise.all([
        forbundAdmin.post(url, { role: 'association_admin', associationId: t.world.orgs.forbund }),
        second.post(url, { role: 'case_worker', interventionId: forbundInsats }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 400]);
      const refused = a.status === 400 ? a : b;
      expect(refused.body).toEqual({
        code: 'bad_request',
        message: 'En förbundsadministratör kan inte också vara handläggare. Ta bort den ena rollen först, eller använd ett separat konto.',
        errors: [{ path: 'role', message: 'Rollerna association_admin och case_worker kan inte kombineras' }],
      });
    }
    expect(await bothHeld(users)).toEqual([]);
  });

  it('still lets either role be granted alone, and another user hold the other', async () => {
    const [one, two] = [await newForbundUser('ensam-1@forbund.test'), await newForbundUser('ensam-2@forbund.test')];
    expect((await forbundAdmin.post(`/api/v1/users/${one}/assignments`, { role: 'association_admin', associationId: t.world.orgs.forbund })).status).toBe(201);
    expect((await forbundAdmin.post(`/api/v1/users/${two}/assignments`, { role: 'case_worker', interventionId: forbundInsats })).status).toBe(201);
    expect(await bothHeld([one, two])).toEqual([]);
  });
});
