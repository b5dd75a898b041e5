import type { z } from 'zod';
import type { userCreate, userUpdate } from '../../core/schemas/user.js';
import { hasRole, type Actor } from '../access/actor.js';
import { hashPassword } from '../auth/password.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { findOrganisationRow } from '../organisations/organisation.repository.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import { presentUser } from './user.presenter.js';
import {
  assignmentsOf,
  emailTaken,
  endSessionsOf,
  findVisibleUser,
  insertUser,
  listVisibleUsers,
  updateUserRow,
} from './user.repository.js';

type Create = z.output<typeof userCreate>;
type Update = z.output<typeof userUpdate>;

export async function listUsers(ctx: RequestContext, filter: { organisationId?: string }) {
  const rows = await listVisibleUsers(ctx.db, ctx.actor, filter);
  const assignments = await assignmentsOf(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((row) => presentUser(row, assignments)) };
}

export async function getUser(ctx: RequestContext, id: string) {
  return viewOf(ctx.db, ctx.actor, id);
}

async function viewOf(db: Db, actor: Actor, id: string) {
  const row = await findVisibleUser(db, actor, id);
  return row ? presentUser(row, await assignmentsOf(db, [id])) : null;
}

/** A user in the actor's scope with their assignments; out of scope is not found. */
export async function managedUser(db: Db, actor: Actor, id: string) {
  const row = await findVisibleUser(db, actor, id);
  if (!row) throw notFound();
  const assignments = await assignmentsOf(db, [id]);
  // Only a system administrator may grant system_admin, so only one may change such an account.
  if (assignments.some((a) => a.role === 'system_admin') && !hasRole(actor, 'system_admin')) {
    throw new AppError('forbidden', 'Bara en systemadministratör kan ändra en systemadministratörs konto.');
  }
  return { row, assignments };
}

const emailConflict = (email: string) =>
  new AppError('conflict', `Det finns redan ett konto med e-postadressen ${email}. Ange en annan adress.`);

export async function createUser(ctx: RequestContext, input: Create) {
  const organisationId = input.organisationId ?? ctx.actor.organisationId;
  // An org_admin creates users in the own organisation only; another one answers as missing.
  if (!hasRole(ctx.actor, 'system_admin') && organisationId !== ctx.actor.organisationId) throw notFound();
  // Hashing is slow by design; do it before the transaction holds a connection.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findOrganisationRow(trx, organisationId))) throw notFound();
    if (await emailTaken(trx, input.email)) throw emailConflict(input.email);
    const id = await insertUser(trx, {
      email: input.email,
      display_name: input.displayName,
      organisation_id: organisationId,
      password_hash: passwordHash,
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? emailConflict(input.email) : error;
    });
    return (await viewOf(trx, ctx.actor, id))!;
  });
}

export async function updateUser(ctx: RequestContext, id: string, input: Update) {
  return ctx.db.transaction().execute(async (trx) => {
    await managedUser(trx, ctx.actor, id);
    if (input.active === false && id === ctx.actor.userId) {
      throw badRequest('Du kan inte inaktivera ditt eget konto. Be en annan administratör om det behövs.', [
        { path: 'active', message: 'Du kan inte inaktivera dig själv' },
      ]);
    }
    await updateUserRow(trx, id, {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.active !== undefined && { active: input.active }),
    });
    if (input.active === false) await endSessionsOf(trx, id);
    return (await viewOf(trx, ctx.actor, id))!;
  });
}
