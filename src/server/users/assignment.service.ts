import type { z } from 'zod';
import type { assignmentCreate } from '../../core/schemas/user.js';
import { hasRole, type Actor } from '../access/actor.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { findVisibleIntervention } from '../interventions/intervention.repository.js';
import { isCheckViolation, isUniqueViolation } from '../db/pg-errors.js';
import { deleteAssignment, findAssignment, findOrganisationKind, findVisibleTeam, insertAssignment } from './assignment.repository.js';
import { presentAssignment } from './user.presenter.js';
import { managedUser } from './user.service.js';

type Create = z.output<typeof assignmentCreate>;

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

/** SUS kept the förbund's role apart from case work (domain.md, roles); the database refuses it too. */
export const rolesApart = () =>
  badRequest(
    'En förbundsadministratör kan inte också vara handläggare. Ta bort den ena rollen först, eller använd ett separat konto.',
    [{ path: 'role', message: 'Rollerna association_admin och case_worker kan inte kombineras' }],
  );

/** Turns what the database refused into an answer; the trigger raises check_violation without a constraint name. */
export function assignmentInsertError(error: unknown): unknown {
  if (isUniqueViolation(error)) {
    return new AppError('conflict', 'Användaren har redan den rollen för samma insats, team eller förbund.');
  }
  if (isCheckViolation(error)) {
    return (error as { constraint?: string }).constraint
      ? badRequest(invalid, [{ path: 'role', message: 'Rollen passar inte ihop med vald insats, team eller förbund' }])
      : rolesApart();
  }
  return error;
}

/**
 * The intervention, team or förbund must be one the actor may hand out work in. Case work: any
 * intervention the admin sees (Finsam parties work in each other's interventions). A lead manages
 * the intervention itself, so only the owner's admin appoints one. Förbund roles: only the förbund's
 * own admin, since they open the förbund's aggregates. A system administrator may do all of it.
 */
async function checkTarget(db: Db, actor: Actor, input: Create) {
  const system = hasRole(actor, 'system_admin');
  let ownerId: string | null = null;
  if (input.interventionId) {
    const intervention = await findVisibleIntervention(db, actor, input.interventionId);
    if (!intervention) throw notFound();
    ownerId = intervention.owner_org_id;
  }
  if (input.teamId) {
    const team = await findVisibleTeam(db, actor, input.teamId);
    if (!team) throw notFound();
    ownerId = team.owner_org_id;
  }
  if (input.role === 'intervention_lead' && !system && ownerId !== actor.organisationId) {
    throw new AppError('forbidden', 'Bara insatsens ägare kan utse insatsansvariga. Be ägarens organisationsadministratör om hjälp.');
  }
  if (input.associationId) {
    const org = await findOrganisationKind(db, input.associationId);
    if (!org || (!system && org.id !== actor.organisationId)) throw notFound();
    if (org.kind !== 'association') {
      throw badRequest(invalid, [{ path: 'associationId', message: 'Välj ett samordningsförbund (organisation av typen association)' }]);
    }
  }
}

export async function createAssignment(ctx: RequestContext, userId: string, input: Create) {
  return ctx.db.transaction().execute(async (trx) => {
    const { assignments } = await managedUser(trx, ctx.actor, userId);
    if (input.role === 'system_admin' && !hasRole(ctx.actor, 'system_admin')) {
      throw new AppError('forbidden', 'Bara en systemadministratör kan ge rollen systemadministratör.');
    }
    await checkTarget(trx, ctx.actor, input);
    const holds = (role: string) => assignments.some((a) => a.role === role);
    if ((input.role === 'association_admin' && holds('case_worker')) || (input.role === 'case_worker' && holds('association_admin'))) {
      throw rolesApart();
    }
    const row = await insertAssignment(trx, {
      user_id: userId,
      role: input.role,
      intervention_id: input.interventionId,
      team_id: input.teamId,
      association_id: input.associationId,
    }).catch((error: unknown) => {
      throw assignmentInsertError(error);
    });
    return presentAssignment(row);
  });
}

export async function removeAssignment(ctx: RequestContext, userId: string, assignmentId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await managedUser(trx, ctx.actor, userId);
    const assignment = await findAssignment(trx, userId, assignmentId);
    if (!assignment) throw notFound();
    await deleteAssignment(trx, assignmentId);
  });
}
