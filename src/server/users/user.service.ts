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
import { auditedChange, type RightsDetails } from './rights-audit.js';
import { checkAccountChange } from '../access/rights-policy.js';
import {
  assignmentsOf,
  emailTaken,
  endSessionsOf,
  findTargetUser,
  findUserByEmail,
  findVisibleUser,
  insertUser,
  listVisibleUsers,
  updateUserRow,
  type UserRow,
} from './user.repository.js';

type Create = z.output<typeof userCreate>;
type Update = z.output<typeof userUpdate>;

/**
 * Another organisation's user is shown to an organisation administrator with the assignments in
 * the own organisation's interventions only; the own staff, and everyone to a system administrator,
 * with all of them.
 */
const ownedByFor = (actor: Actor, row: UserRow) =>
  hasRole(actor, 'system_admin') || row.organisation_id === actor.organisationId ? null : actor.organisationId;

async function present(db: Db, actor: Actor, rows: UserRow[]) {
  const assignments = await assignmentsOf(db, rows.map((r) => r.id));
  return rows.map((row) => presentUser(row, assignments, ownedByFor(actor, row)));
}

export async function listUsers(ctx: RequestContext, filter: { organisationId?: string }) {
  return { items: await present(ctx.db, ctx.actor, await listVisibleUsers(ctx.db, ctx.actor, filter)) };
}

export async function getUser(ctx: RequestContext, id: string) {
  return viewOf(ctx.db, ctx.actor, id);
}

async function viewOf(db: Db, actor: Actor, id: string) {
  const row = await findVisibleUser(db, actor, id);
  return row ? (await present(db, actor, [row]))[0] : null;
}

/**
 * Finds a user by exact e-mail address among those the actor may reach (user.repository.ts,
 * findUserByEmail): how the owner's administrator finds a joint team's member of another party.
 * No match and out of reach answer alike: not found.
 */
export async function lookupUser(ctx: RequestContext, email: string) {
  const row = await findUserByEmail(ctx.db, ctx.actor, email);
  if (!row) throw notFound();
  return (await present(ctx.db, ctx.actor, [row]))[0];
}

const emailConflict = () =>
  new AppError('conflict', 'Det finns redan ett konto med den e-postadressen. Ange en annan adress.');

export async function createUser(ctx: RequestContext, input: Create) {
  const organisationId = input.organisationId ?? ctx.actor.organisationId;
  // An org_admin creates users in the own organisation only; another one answers as missing.
  const allowed = hasRole(ctx.actor, 'system_admin') || organisationId === ctx.actor.organisationId;
  // Hashing is slow by design; do it before the transaction holds a connection.
  const passwordHash = allowed ? await hashPassword(input.password) : null;
  const details: RightsDetails = { userOrgId: organisationId };
  return auditedChange(ctx, 'create', 'user', details, async (trx) => {
    if (!passwordHash) throw notFound();
    if (!(await findOrganisationRow(trx, organisationId))) throw notFound();
    if (await emailTaken(trx, input.email)) throw emailConflict();
    const id = await insertUser(trx, {
      email: input.email,
      display_name: input.displayName,
      organisation_id: organisationId,
      password_hash: passwordHash,
      // Set by the administrator, so temporary: the user chooses their own at the first login.
      password_must_change: true,
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? emailConflict() : error;
    });
    Object.assign(details, { userId: id, passwordSet: true, passwordMustChange: true });
    return (await viewOf(trx, ctx.actor, id))!;
  });
}

export async function updateUser(ctx: RequestContext, id: string, input: Update) {
  const fields = (['displayName', 'active'] as const).filter((key) => input[key] !== undefined);
  const details: RightsDetails = { userId: id, fields: [...fields], ...(input.active !== undefined && { active: input.active }) };
  return auditedChange(ctx, 'update', 'user', details, async (trx) => {
    const user = await findTargetUser(trx, ctx.actor, id);
    if (user) details.userOrgId = user.organisationId;
    if (!user) throw notFound();
    checkAccountChange(ctx.actor, user);
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
