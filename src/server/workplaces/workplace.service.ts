import type { z } from 'zod';
import type { workplaceInput } from '../../core/schemas/workplace.js';
import { mayKeepRegister } from '../access/workplace-policy.js';
import { writeAudit } from '../audit/audit.js';
import { checkCodes } from '../code-lists/code-list.repository.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, type FieldError } from '../errors.js';
import { swedishToday } from '../persons/today.js';
import { presentPlacement, presentWorkplaceSummary } from './workplace.presenter.js';
import {
  findVisibleWorkplace,
  insertWorkplace,
  listVisibleWorkplaces,
  placesOf,
  registerAssociations,
  replacePlaces,
  saveSupervisors,
  supervisorsOf,
  updateWorkplace,
  visiblePlacements,
  workplaceWithOrgNumber,
  type WorkplaceRow,
} from './workplace.repository.js';

type Input = z.output<typeof workplaceInput>;

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

export async function listWorkplaces(ctx: RequestContext, search?: string) {
  const rows = await listVisibleWorkplaces(ctx.db, ctx.actor, search);
  const places = await placesOf(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((row) => presentWorkplaceSummary(row, places)), can: { create: mayKeepRegister(ctx.actor) } };
}

/**
 * A workplace with who is placed there now and who is queued, as far as the user may see those
 * activities; the placements shown are audited as a list of person data (zero included).
 */
export async function getWorkplace(ctx: RequestContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleWorkplace(trx, ctx.actor, id);
    if (!row) return null;
    return presentWorkplace(trx, ctx, row);
  });
}

async function presentWorkplace(db: Db, ctx: RequestContext, row: WorkplaceRow) {
  const [places, supervisors, placements] = await Promise.all([placesOf(db, [row.id]), supervisorsOf(db, row.id), visiblePlacements(db, ctx.scope, row.id)]);
  const today = swedishToday();
  const placedNow = placements.filter((p) => p.status === 'ongoing' && p.start_date <= today && (p.end_date === null || p.end_date >= today));
  const queued = placements.filter((p) => p.status === 'planned');
  await writeAudit(db, ctx.audit, [
    { action: 'list', entity: 'activity', details: { workplaceId: row.id, hits: placedNow.length + queued.length } },
    ...[...placedNow, ...queued].map((p) => ({ action: 'list' as const, entity: 'activity' as const, enrolmentId: p.enrolment_id, personId: p.person_id, details: { activityId: p.id } })),
  ]);
  return {
    ...presentWorkplaceSummary(row, places),
    supervisors,
    placedNow: placedNow.map(presentPlacement),
    queued: queued.map(presentPlacement),
    can: { update: mayKeepRegister(ctx.actor) },
  };
}

export async function createWorkplace(ctx: RequestContext, input: Input) {
  return ctx.db.transaction().execute(async (trx) => {
    const associations = await registerAssociations(trx, ctx.actor);
    if (!associations.some((a) => a.id === input.associationId)) {
      throw badRequest(invalid, [{ path: 'associationId', message: 'Välj ett förbund som din organisation ingår i' }]);
    }
    await validate(trx, input, null);
    const id = await insertWorkplace(trx, input.associationId, ctx.actor.organisationId, valuesOf(input));
    await saveSupervisors(trx, id, input.supervisors);
    await replacePlaces(trx, id, input.places);
    const row = await findVisibleWorkplace(trx, ctx.actor, id);
    return presentWorkplace(trx, ctx, row as WorkplaceRow);
  });
}

/** Changes a workplace of the user's register; the förbund it belongs to stays. */
export async function changeWorkplace(ctx: RequestContext, id: string, input: Input) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleWorkplace(trx, ctx.actor, id);
    if (!row) return null;
    if (input.associationId !== row.association_id) throw badRequest(invalid, [{ path: 'associationId', message: 'En arbetsplats kan inte flyttas till ett annat förbund' }]);
    await validate(trx, input, row.id);
    await updateWorkplace(trx, row, valuesOf(input));
    const unknown = await saveSupervisors(trx, row.id, input.supervisors);
    if (unknown.length > 0) throw badRequest(invalid, [{ path: 'supervisors', message: 'En handledare hör inte till arbetsplatsen' }]);
    await replacePlaces(trx, row.id, input.places);
    return presentWorkplace(trx, ctx, row);
  });
}

const valuesOf = (input: Input) => ({ name: input.name, sector: input.sector, org_number: input.orgNumber, address: input.address });

async function validate(db: Db, input: Input, exceptId: string | null) {
  const errors: FieldError[] = await checkCodes(
    db,
    [
      { list: 'workplace_sector', codes: [input.sector], path: 'sector' },
      { list: 'activity_type', codes: input.places.map((p) => p.activityType), path: 'places' },
    ],
    swedishToday(),
  );
  const types = input.places.map((p) => p.activityType);
  if (new Set(types).size !== types.length) errors.push({ path: 'places', message: 'Ange varje aktivitetstyp en gång' });
  if (errors.length > 0) throw badRequest(invalid, errors);
  if (input.orgNumber && (await workplaceWithOrgNumber(db, input.associationId, input.orgNumber, exceptId))) {
    throw new AppError('conflict', 'En arbetsplats med det organisationsnumret finns redan i registret.', [
      { path: 'orgNumber', message: 'Organisationsnumret finns redan i registret' },
    ]);
  }
}

/** The förbund the user may add workplaces to (the form's choice). */
export async function workplaceAssociations(ctx: RequestContext) {
  return { items: await registerAssociations(ctx.db, ctx.actor) };
}
