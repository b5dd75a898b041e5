import type { RequestContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import { findVisibleIntervention, insertTeam, teamNameTaken, teamsOf, upsertVolumeTarget } from './intervention.repository.js';
import { interventionFor } from './intervention.service.js';

export async function listTeams(ctx: RequestContext, interventionId: string) {
  const intervention = await findVisibleIntervention(ctx.db, ctx.actor, interventionId);
  if (!intervention) throw notFound();
  const teams = await teamsOf(ctx.db, [interventionId]);
  return { items: teams.map((t) => ({ id: t.id, name: t.name })) };
}

// The name is not repeated: answers never echo what was typed (it could be personal data).
const nameConflict = () => new AppError('conflict', 'Insatsen har redan ett team med det namnet. Välj ett annat namn.');

export async function createTeam(ctx: RequestContext, interventionId: string, name: string) {
  return ctx.db.transaction().execute(async (trx) => {
    await interventionFor(trx, ctx.actor, interventionId, 'manageTeams');
    if (await teamNameTaken(trx, interventionId, name)) throw nameConflict();
    const team = await insertTeam(trx, interventionId, name).catch((error: unknown) => {
      throw isUniqueViolation(error) ? nameConflict() : error;
    });
    return { id: team.id, name: team.name };
  });
}

/** A yearly target overrides the standing volume target for that year (volume fulfilment). */
export async function setVolumeTarget(ctx: RequestContext, interventionId: string, year: number, target: number) {
  return ctx.db.transaction().execute(async (trx) => {
    await interventionFor(trx, ctx.actor, interventionId, 'update');
    await upsertVolumeTarget(trx, interventionId, year, target);
    return { year, target };
  });
}
