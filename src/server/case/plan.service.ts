import type { z } from 'zod';
import { headerChanges, subGoalChanges, type PlanChange } from '../../core/case/plan-changes.js';
import type { planSave } from '../../core/schemas/case.js';
import { writeAudit, type AuditAction } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { contactsOf, presentRevision, presentSubGoal } from './plan.presenter.js';
import {
  ensurePlan,
  findCaseEnrolment,
  findVisiblePlan,
  findWritableEnrolment,
  insertRevision,
  insertSubGoal,
  nextVisibleMeeting,
  partyOrganisations,
  updateSubGoal,
  visibleRevisions,
  visibleSubGoals,
  type CaseEnrolment,
} from './plan.repository.js';

type PlanSave = z.output<typeof planSave>;

/**
 * Runs `work` in a transaction on an enrolment found through `find`; when it is not found the
 * attempt is audited as denied and committed before the 404 (data-protection model 6).
 */
export async function onCaseEnrolment<T>(
  ctx: RequestContext,
  enrolmentId: string,
  audit: { action: AuditAction; entity: 'plan' | 'meeting' },
  find: (trx: Db) => Promise<CaseEnrolment | undefined>,
  work: (trx: Db, enrolment: CaseEnrolment) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction().execute(async (trx): Promise<{ value: T } | { error: AppError }> => {
    const enrolment = await find(trx);
    if (!enrolment) {
      await writeAudit(trx, ctx.audit, [{ ...audit, enrolmentId, outcome: 'denied' }]);
      return { error: notFound() };
    }
    try {
      return { value: await work(trx, enrolment) };
    } catch (error) {
      // A refused sub-goal (not visible) is audited like any denied access, then answered as not found.
      if (error instanceof AppError && error.code === 'not_found') {
        await writeAudit(trx, ctx.audit, [{ ...audit, enrolmentId, personId: enrolment.person_id, outcome: 'denied' }]);
        return { error };
      }
      throw error;
    }
  });
  if ('error' in result) throw result.error;
  return result.value;
}

/** The plan as the reader may see it. */
async function planOf(ctx: RequestContext, db: Db, enrolment: CaseEnrolment) {
  const plan = await findVisiblePlan(db, ctx.scope, enrolment.id);
  const writable = !!(await findWritableEnrolment(db, ctx.scope, enrolment.id, 'plan'));
  const revisions = plan ? await visibleRevisions(db, ctx.scope, plan.id) : [];
  const subGoals = plan ? await visibleSubGoals(db, ctx.scope, plan.id) : [];
  return {
    enrolmentId: enrolment.id,
    exists: !!plan,
    current: revisions[0] ? presentRevision(revisions[0]) : null,
    subGoals: subGoals.map(presentSubGoal),
    history: revisions.map(presentRevision),
    nextMeeting: await nextVisibleMeeting(db, ctx.scope, enrolment.id),
    contacts: contactsOf(revisions),
    can: { save: writable, print: revisions.length > 0 },
  };
}

/** The organisations whose records the reader was shown, so each can review the access (log review). */
const recordControllers = (view: { history: { by: { organisation: { id: string } } }[]; subGoals: { organisation: { id: string } }[] }) => [
  ...new Set([...view.history.map((r) => r.by.organisation.id), ...view.subGoals.map((g) => g.organisation.id)]),
];

export async function getPlan(ctx: RequestContext, enrolmentId: string) {
  return onCaseEnrolment(ctx, enrolmentId, { action: 'read', entity: 'plan' }, (trx) => findCaseEnrolment(trx, ctx.scope, enrolmentId), async (trx, enrolment) => {
    const view = await planOf(ctx, trx, enrolment);
    const details = { revisions: view.history.length, subGoals: view.subGoals.length, recordControllers: recordControllers(view) };
    await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'plan', enrolmentId, personId: enrolment.person_id, details }]);
    return view;
  });
}

/**
 * One save of the plan = one revision, controlled by the author's organisation (issue 10, item 2).
 * Sub-goals are added or changed by the same save; a sub-goal the author cannot see is not found.
 */
export async function savePlan(ctx: RequestContext, enrolmentId: string, input: PlanSave) {
  const find = (trx: Db) => findWritableEnrolment(trx, ctx.scope, enrolmentId, 'plan');
  return onCaseEnrolment(ctx, enrolmentId, { action: 'update', entity: 'plan' }, find, async (trx, enrolment) => {
    const responsible = input.subGoals.flatMap((g) => (g.responsibleOrgId ? [g.responsibleOrgId] : []));
    const parties = await partyOrganisations(trx, responsible);
    const unknown = input.subGoals.findIndex((g) => g.responsibleOrgId && !parties.has(g.responsibleOrgId));
    if (unknown >= 0) throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', [{ path: `subGoals.${unknown}.responsibleOrgId`, message: 'Välj en av parterna' }]);

    const organisationId = ctx.actor.organisationId;
    // Every sub-goal named must be one the author sees, checked before anything is written.
    const existing = await findVisiblePlan(trx, ctx.scope, enrolment.id);
    const visibleGoals = new Map((existing ? await visibleSubGoals(trx, ctx.scope, existing.id) : []).map((g) => [g.id, g]));
    if (input.subGoals.some((g) => g.id && !visibleGoals.has(g.id))) throw notFound();
    const planId = existing?.id ?? (await ensurePlan(trx, enrolment, ctx.actor.userId));
    const before = await visibleRevisions(trx, ctx.scope, planId);
    const previous = before[0] ? { mainGoal: before[0].main_goal, ownWords: before[0].own_words, nextFollowUp: before[0].next_follow_up, health: before[0].health } : null;
    const changes: PlanChange[] = headerChanges(previous, input);
    for (const g of input.subGoals) {
      if (g.id) {
        const current = visibleGoals.get(g.id)!;
        changes.push(...subGoalChanges(g.id, { text: current.text, responsibleOrgId: current.responsible_org_id, targetDate: current.target_date, status: current.status, health: current.health }, g));
        await updateSubGoal(trx, current, g);
      } else {
        const id = await insertSubGoal(trx, planId, enrolment, organisationId, ctx.actor.userId, g);
        changes.push(...subGoalChanges(id, null, g));
      }
    }
    // Saving what is already there writes no revision: the history lists changes only.
    const revisionId =
      changes.length > 0
        ? await insertRevision(trx, { planId, enrolment, organisationId, userId: ctx.actor.userId, health: input.health, mainGoal: input.mainGoal, ownWords: input.ownWords, nextFollowUp: input.nextFollowUp, changes })
        : null;
    await writeAudit(trx, ctx.audit, [
      { action: previous ? 'update' : 'create', entity: 'plan', enrolmentId, personId: enrolment.person_id, details: { revisionId, changes: changes.length } },
    ]);
    return planOf(ctx, trx, enrolment);
  });
}

/**
 * The participant's own copy (issue 10, item 3): the current plan as the member of staff may see
 * it, and nothing else; audited as an export.
 */
export async function participantCopy(ctx: RequestContext, enrolmentId: string, format: 'html' | 'pdf') {
  return onCaseEnrolment(ctx, enrolmentId, { action: 'export', entity: 'plan' }, (trx) => findCaseEnrolment(trx, ctx.scope, enrolmentId), async (trx, enrolment) => {
    const view = await planOf(ctx, trx, enrolment);
    if (!view.current) throw new AppError('conflict', 'Det finns ingen handlingsplan att skriva ut ännu.');
    await writeAudit(trx, ctx.audit, [{ action: 'export', entity: 'plan', enrolmentId, personId: enrolment.person_id, details: { format, recordControllers: recordControllers(view) } }]);
    const name = [enrolment.first_name, enrolment.last_name].filter(Boolean).join(' ') || null;
    return {
      name,
      mainGoal: view.current.mainGoal,
      ownWords: view.current.ownWords,
      nextFollowUp: view.current.nextFollowUp,
      nextMeeting: view.nextMeeting,
      subGoals: view.subGoals.map((g) => ({ text: g.text, responsible: g.responsible?.name ?? null, targetDate: g.targetDate, status: g.status })),
      contacts: view.contacts,
      updatedAt: view.current.at,
    };
  });
}

export type ParticipantCopy = Awaited<ReturnType<typeof participantCopy>>;
