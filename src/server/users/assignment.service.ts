import type { z } from 'zod';
import type { assignmentCreate } from '../../core/schemas/user.js';
import type { Role } from '../access/roles.js';
import type { RequestContext } from '../context.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { isCheckViolation, isUniqueViolation } from '../db/pg-errors.js';
import {
  deleteAssignment,
  findAssignment,
  findInterventionFacts,
  findOrganisationKind,
  insertAssignment,
  organisationHasAdmin,
} from './assignment.repository.js';
import { presentAssignment } from './user.presenter.js';
import { assignmentsOf, findTargetUser } from './user.repository.js';
import { auditedChange, type RightsDetails } from './rights-audit.js';
import { checkGrant, checkNotSelf, checkRemoval } from '../access/rights-policy.js';

type Create = z.output<typeof assignmentCreate>;

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

/** SUS kept the förbund's role apart from case work (domain.md, roles); the database refuses it too. */
export const rolesApart = () =>
  badRequest(
    'En förbundsadministratör kan inte också vara handläggare. Ta bort den ena rollen först, eller använd ett separat konto.',
    [{ path: 'role', message: 'Rollerna association_admin och case_worker kan inte kombineras' }],
  );

/**
 * Turns what the database refused into an answer; the trigger raises check_violation without a
 * constraint name. It locks the user's row first (migration 2026-11-28-0200), so of two concurrent
 * grants of the two roles the second is refused here, with the same 400 as the check below.
 */
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

/** Who may grant what is decided in rights.ts; this reads the facts it needs and writes the row. */
export async function createAssignment(ctx: RequestContext, userId: string, input: Create) {
  const details: RightsDetails = {
    userId,
    role: input.role,
    interventionId: input.interventionId,
    teamId: input.teamId,
    associationId: input.associationId,
  };
  return auditedChange(ctx, 'create', 'assignment', details, async (trx) => {
    if (userId === ctx.actor.userId) details.userOrgId = ctx.actor.organisationId;
    checkNotSelf(ctx.actor, userId);
    const user = await findTargetUser(trx, ctx.actor, userId);
    if (user) details.userOrgId = user.organisationId;
    if (!user) throw notFound();
    const role = input.role as Role;
    const onIntervention = input.interventionId !== null || input.teamId !== null;
    const intervention = onIntervention ? await findInterventionFacts(trx, ctx.actor, input, user.organisationId) : undefined;
    if (onIntervention && !intervention) throw notFound();
    const association = input.associationId ? await findOrganisationKind(trx, input.associationId) : null;
    if (association === undefined) throw notFound();
    checkGrant(ctx.actor, user, {
      role,
      intervention: intervention ?? null,
      associationId: input.associationId,
      organisationHasAdmin: role === 'org_admin' && (await organisationHasAdmin(trx, user.organisationId)),
    });
    if (association && association.kind !== 'association') {
      throw badRequest(invalid, [{ path: 'associationId', message: 'Välj ett samordningsförbund (organisation av typen association)' }]);
    }
    const held = (await assignmentsOf(trx, [userId])).map((a) => a.role);
    if ((role === 'association_admin' && held.includes('case_worker')) || (role === 'case_worker' && held.includes('association_admin'))) {
      throw rolesApart();
    }
    const row = await insertAssignment(trx, {
      user_id: userId,
      role,
      intervention_id: input.interventionId,
      team_id: input.teamId,
      association_id: input.associationId,
    }).catch((error: unknown) => {
      throw assignmentInsertError(error);
    });
    details.assignmentId = row.id;
    return presentAssignment(row);
  });
}

export async function removeAssignment(ctx: RequestContext, userId: string, assignmentId: string) {
  const details: RightsDetails = { userId, assignmentId };
  await auditedChange(ctx, 'delete', 'assignment', details, async (trx) => {
    if (userId === ctx.actor.userId) details.userOrgId = ctx.actor.organisationId;
    checkNotSelf(ctx.actor, userId);
    const user = await findTargetUser(trx, ctx.actor, userId);
    if (user) details.userOrgId = user.organisationId;
    const assignment = user ? await findAssignment(trx, userId, assignmentId) : undefined;
    if (!user || !assignment) throw notFound();
    Object.assign(details, {
      role: assignment.role,
      interventionId: assignment.intervention_id,
      teamId: assignment.team_id,
      associationId: assignment.association_id,
    });
    checkRemoval(ctx.actor, user, { role: assignment.role as Role, interventionOwnerOrgId: assignment.owner_org_id, associationId: assignment.association_id });
    await deleteAssignment(trx, assignmentId);
  });
}
