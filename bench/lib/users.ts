// The people the API cases act as. Users are not part of any import file, so they are written
// directly, as the test world does; their sessions are made through the real login route.
import { sql } from 'kysely';
import { hashPassword } from '../../src/server/auth/password.js';
import type { Db } from '../../src/server/db/connection.js';

export const benchPassword = 'benchmark-lösenord-2026';
export const benchEmails = { caseWorker: 'bench-handlaggare@stegvis.test', associationAdmin: 'bench-forbund@stegvis.test' };

/** The largest intervention (most enrolments) and its förbund: the heaviest realistic targets. */
export type Targets = {
  interventionId: string;
  interventionCode: string;
  interventionEnrolments: number;
  ownerOrgId: string;
  associationId: string;
  associationCode: string;
  associationEnrolments: number;
  interventionIds: string[];
};

export async function findTargets(db: Db): Promise<Targets> {
  const top = await sql<{ id: string; code: string; owner_org_id: string; association_id: string; association_code: string; n: number }>`
    select i.id, i.code, i.owner_org_id, i.association_id, a.code as association_code, count(*)::int as n
    from enrolments e join interventions i on i.id = e.intervention_id join organisations a on a.id = i.association_id
    group by i.id, a.code order by n desc, i.code limit 1`.execute(db);
  const row = top.rows[0];
  if (!row) throw new Error('the bench database holds no enrolments: run npm run bench:data first');
  const assoc = await sql<{ n: number }>`
    select count(*)::int as n from enrolments e join interventions i on i.id = e.intervention_id
    where i.association_id = ${row.association_id}`.execute(db);
  const all = await db.selectFrom('interventions').select('id').orderBy('code').execute();
  return {
    interventionId: row.id,
    interventionCode: row.code,
    interventionEnrolments: row.n,
    ownerOrgId: row.owner_org_id,
    associationId: row.association_id,
    associationCode: row.association_code,
    associationEnrolments: assoc.rows[0].n,
    interventionIds: all.map((r) => r.id),
  };
}

/** A case worker of the owner assigned to the target intervention, and an admin of its förbund. */
export async function ensureBenchUsers(db: Db, targets: Targets): Promise<void> {
  const existing = await db.selectFrom('users').select('email').where('email', 'in', Object.values(benchEmails)).execute();
  if (existing.length === 2) return;
  const passwordHash = await hashPassword(benchPassword);
  await db.transaction().execute(async (trx) => {
    const user = async (email: string, organisationId: string) =>
      (await trx.insertInto('users').values({ email, display_name: email.split('@')[0], organisation_id: organisationId, password_hash: passwordHash })
        .returning('id').executeTakeFirstOrThrow()).id;
    const worker = await user(benchEmails.caseWorker, targets.ownerOrgId);
    await trx.insertInto('assignments').values({ user_id: worker, role: 'case_worker', intervention_id: targets.interventionId }).execute();
    const admin = await user(benchEmails.associationAdmin, targets.associationId);
    await trx.insertInto('assignments').values({ user_id: admin, role: 'association_admin', association_id: targets.associationId }).execute();
  });
}
