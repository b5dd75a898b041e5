import type { z } from 'zod';
import type { interventionCreate, interventionUpdate } from '../../core/schemas/intervention.js';
import type { Actor } from '../access/actor.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { findOrganisationRow, notAssociations } from '../organisations/organisation.repository.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import { presentIntervention } from './intervention.presenter.js';
import {
  findVisibleIntervention,
  insertIntervention,
  interventionCodeTaken,
  listVisibleInterventions,
  teamsOf,
  updateInterventionRow,
  volumeTargetsOf,
  type InterventionRow,
} from './intervention.repository.js';
import { interventionCan, mayCreateFor } from '../access/intervention-rules.js';

type Create = z.output<typeof interventionCreate>;
type Update = z.output<typeof interventionUpdate>;

async function present(db: Db, actor: Actor, rows: InterventionRow[]) {
  const ids = rows.map((r) => r.id);
  const [teams, targets] = await Promise.all([teamsOf(db, ids), volumeTargetsOf(db, ids)]);
  return rows.map((row) => presentIntervention(actor, row, teams, targets));
}

export async function listInterventions(ctx: RequestContext) {
  return { items: await present(ctx.db, ctx.actor, await listVisibleInterventions(ctx.db, ctx.actor)) };
}

export async function getIntervention(ctx: RequestContext, id: string) {
  return viewOf(ctx.db, ctx.actor, id);
}

async function viewOf(db: Db, actor: Actor, id: string) {
  const row = await findVisibleIntervention(db, actor, id);
  return row ? (await present(db, actor, [row]))[0] : null;
}

/**
 * The intervention when it is in scope and `what` is allowed on it. Out of scope is not found;
 * in scope but not allowed is refused (the actor already sees that it exists).
 */
export async function interventionFor(db: Db, actor: Actor, id: string, what: 'update' | 'manageTeams') {
  const view = await viewOf(db, actor, id);
  if (!view) throw notFound();
  if (!view.can[what]) {
    throw new AppError(
      'forbidden',
      what === 'update'
        ? 'Du kan inte ändra insatsen. Be insatsens ansvariga eller ägarens organisationsadministratör om hjälp.'
        : 'Du kan inte hantera insatsens team. Be insatsens ansvariga eller ägarens organisationsadministratör om hjälp.',
    );
  }
  return view;
}

// The code is not repeated: answers never echo what was typed (it could be personal data).
const codeConflict = () => new AppError('conflict', 'Det finns redan en insats med den koden. Välj en annan kod.');

export async function createIntervention(ctx: RequestContext, input: Create) {
  const rule = mayCreateFor(ctx.actor, input.ownerId);
  if (rule === 'forbidden') {
    throw new AppError('forbidden', 'Bara organisationsadministratörer och systemadministratörer kan lägga upp insatser.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    // Another organisation as owner answers as a missing owner would (data-protection model 4).
    if (rule === 'hidden' || !(await findOrganisationRow(trx, input.ownerId))) throw notFound();
    if (input.associationId && (await notAssociations(trx, [input.associationId])).length) {
      throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', [
        { path: 'associationId', message: 'Välj ett samordningsförbund (organisation av typen association)' },
      ]);
    }
    if (await interventionCodeTaken(trx, input.code)) throw codeConflict();
    const id = await insertIntervention(trx, {
      code: input.code,
      name: input.name,
      owner_org_id: input.ownerId,
      association_id: input.associationId,
      start_date: input.startDate,
      end_date: input.endDate,
      orientation: input.orientation,
      follow_up: input.followUp,
      follow_up_method: input.followUpMethod,
      places: input.places,
      volume_target: input.volumeTarget,
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? codeConflict() : error;
    });
    return (await viewOf(trx, ctx.actor, id))!;
  });
}

export async function updateIntervention(ctx: RequestContext, id: string, input: Update) {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await interventionFor(trx, ctx.actor, id, 'update');
    if (input.endDate && input.endDate < current.startDate) {
      throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', [
        { path: 'endDate', message: `Slutdatum kan inte vara före startdatum (${current.startDate})` },
      ]);
    }
    await updateInterventionRow(trx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.endDate !== undefined && { end_date: input.endDate }),
      ...(input.places !== undefined && { places: input.places }),
      ...(input.volumeTarget !== undefined && { volume_target: input.volumeTarget }),
      ...(input.followUpMethod !== undefined && { follow_up_method: input.followUpMethod }),
    });
    return (await viewOf(trx, ctx.actor, id))!;
  });
}
