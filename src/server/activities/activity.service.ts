import type { z } from 'zod';
import type { activityCreate } from '../../core/schemas/activity.js';
import { mayChangeActivity } from '../access/activity-rules.js';
import { writeAudit } from '../audit/audit.js';
import { checkCodes } from '../code-lists/code-list.repository.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, type FieldError } from '../errors.js';
import { findSupervisor, findVisibleWorkplace } from '../workplaces/workplace.repository.js';
import { presentActivity } from './activity.presenter.js';
import {
  findPlanWritableEnrolment,
  findVisibleActivity,
  findVisibleEnrolmentRef,
  insertActivity,
  listVisibleActivities,
  mayAddActivity,
  updateActivity,
} from './activity.repository.js';

type Input = z.output<typeof activityCreate>;

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

/** The enrolment's activities the user may see; null when the enrolment is not theirs to see (audited). */
export async function listActivities(ctx: RequestContext, enrolmentId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const enrolment = await findVisibleEnrolmentRef(trx, ctx.scope, enrolmentId);
    if (!enrolment) {
      await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'activity', enrolmentId, outcome: 'denied' }]);
      return null;
    }
    const rows = await listVisibleActivities(trx, ctx.scope, enrolmentId);
    await writeAudit(trx, ctx.audit, [
      { action: 'list', entity: 'activity', enrolmentId, personId: enrolment.person_id, details: { hits: rows.length } },
    ]);
    return { items: rows.map((row) => presentActivity(ctx.scope, row)), can: { create: await mayAddActivity(trx, ctx.scope, enrolmentId) } };
  });
}

export async function getActivity(ctx: RequestContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleActivity(trx, ctx.scope, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'activity', outcome: 'denied', details: { activityId: id } }]);
      return null;
    }
    await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'activity', enrolmentId: row.enrolment_id, personId: row.person_id, details: { activityId: id } }]);
    return presentActivity(ctx.scope, row);
  });
}

/** Adds an activity, controlled by the author's organisation; null when the enrolment is out of reach (audited). */
export async function createActivity(ctx: RequestContext, enrolmentId: string, input: Input) {
  return ctx.db.transaction().execute(async (trx) => {
    const enrolment = await findPlanWritableEnrolment(trx, ctx.scope, enrolmentId);
    if (!enrolment) {
      await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'activity', enrolmentId, outcome: 'denied' }]);
      return null;
    }
    await validate(trx, ctx, input, enrolment);
    const id = await insertActivity(trx, enrolment, ctx.actor.organisationId, { ...columnsOf(input), created_by_user_id: ctx.actor.userId });
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'activity', enrolmentId, personId: enrolment.person_id, details: { activityId: id } }]);
    const row = await findVisibleActivity(trx, ctx.scope, id);
    return presentActivity(ctx.scope, row as NonNullable<typeof row>);
  });
}

/** Changes an activity; only its controller's staff may (403, audited); null when not visible (audited). */
export async function changeActivity(ctx: RequestContext, id: string, input: Input) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleActivity(trx, ctx.scope, id);
    if (!row || !mayChangeActivity(ctx.scope, row)) {
      await writeAudit(trx, ctx.audit, [
        { action: 'update', entity: 'activity', outcome: 'denied', enrolmentId: row?.enrolment_id ?? null, personId: row?.person_id ?? null, details: { activityId: id } },
      ]);
      return row ? ('forbidden' as const) : null;
    }
    await validate(trx, ctx, input, { start_date: row.enrolment_start, exit_date: row.enrolment_exit });
    await updateActivity(trx, row, columnsOf(input));
    await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'activity', enrolmentId: row.enrolment_id, personId: row.person_id, details: { activityId: id } }]);
    const changed = await findVisibleActivity(trx, ctx.scope, id);
    return presentActivity(ctx.scope, changed as NonNullable<typeof changed>);
  });
  if (result === 'forbidden') throw new AppError('forbidden', 'Bara den organisation som registrerade aktiviteten kan ändra den.');
  return result;
}

const columnsOf = (input: Input) => ({
  activity_type: input.activityType,
  employment_type: input.employmentType,
  extension: input.extension,
  workplace_id: input.workplaceId,
  provider: input.provider,
  supervisor_id: input.supervisorId,
  start_date: input.startDate,
  end_date: input.endDate,
  hours_per_week: input.hoursPerWeek,
  status: input.status,
  health: input.health,
  notes: input.notes,
});

/** Codes valid on the start day, a workplace of the user's register, its own supervisor, dates within the enrolment. */
async function validate(db: Db, ctx: RequestContext, input: Input, enrolment: { start_date: string; exit_date: string | null }) {
  const errors: FieldError[] = await checkCodes(
    db,
    [
      { list: 'activity_type', codes: [input.activityType], path: 'activityType' },
      { list: 'employment_type', codes: [input.employmentType], path: 'employmentType' },
    ],
    input.startDate,
  );
  if (input.workplaceId && !(await findVisibleWorkplace(db, ctx.actor, input.workplaceId))) {
    errors.push({ path: 'workplaceId', message: 'Välj en arbetsplats i registret' });
  } else if (input.supervisorId && !(input.workplaceId && (await findSupervisor(db, input.workplaceId, input.supervisorId)))) {
    errors.push({ path: 'supervisorId', message: 'Välj en handledare på arbetsplatsen' });
  }
  if (input.startDate < enrolment.start_date) errors.push({ path: 'startDate', message: 'Aktiviteten kan inte börja före inskrivningen' });
  if (enrolment.exit_date !== null && input.startDate > enrolment.exit_date) {
    errors.push({ path: 'startDate', message: 'Aktiviteten kan inte börja efter avslutet' });
  }
  if (errors.length > 0) throw badRequest(invalid, errors);
}
