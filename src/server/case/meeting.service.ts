import type { z } from 'zod';
import type { meetingInput } from '../../core/schemas/case.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { badRequest, notFound } from '../errors.js';
import { actionsOf, activeUsers, caseStaff, insertMeeting, staffNames, visibleMeetings } from './meeting.repository.js';
import { findCaseEnrolment, findVisiblePlan, findWritableEnrolment, visibleSubGoals, type CaseEnrolment } from './plan.repository.js';
import { onCaseEnrolment } from './plan.service.js';

type MeetingInput = z.output<typeof meetingInput>;
const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

async function meetingsOf(ctx: RequestContext, db: Db, enrolment: CaseEnrolment) {
  const rows = await visibleMeetings(db, ctx.scope, enrolment.id);
  const actions = await actionsOf(db, rows.map((m) => m.id));
  const staff = new Map((await staffNames(db, [...new Set(rows.flatMap((m) => m.staff_user_ids))])).map((s) => [s.id, s]));
  const writable = !!(await findWritableEnrolment(db, ctx.scope, enrolment.id, 'meetings'));
  return {
    items: rows.map((m) => ({
      id: m.id,
      enrolmentId: m.enrolment_id,
      type: m.type as MeetingInput['type'],
      heldAt: m.held_at,
      participantPresent: m.participant_present,
      staff: m.staff_user_ids.flatMap((id) => (staff.has(id) ? [staff.get(id)!] : [])),
      otherRoles: m.other_roles,
      notes: m.notes,
      actions: actions.filter((a) => a.meeting_id === m.id).map((a) => ({ text: a.text, subGoalId: a.sub_goal_id })),
      nextMeetingAt: m.next_meeting_at,
      health: m.health,
      organisation: { id: m.org_id, name: m.org_name },
      by: m.by,
    })),
    can: { create: writable },
    staffOptions: writable ? await caseStaff(db, enrolment.id) : [],
  };
}

export async function listMeetings(ctx: RequestContext, enrolmentId: string) {
  return onCaseEnrolment(ctx, enrolmentId, { action: 'list', entity: 'meeting' }, (trx) => findCaseEnrolment(trx, ctx.scope, enrolmentId), async (trx, enrolment) => {
    const view = await meetingsOf(ctx, trx, enrolment);
    await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'meeting', enrolmentId, personId: enrolment.person_id, details: { hits: view.items.length, recordControllers: [...new Set(view.items.map((m) => m.organisation.id))] } }]);
    return view;
  });
}

/** A meeting, controlled by the author's organisation (issue 10, item 4). */
export async function createMeeting(ctx: RequestContext, enrolmentId: string, input: MeetingInput) {
  const find = (trx: Db) => findWritableEnrolment(trx, ctx.scope, enrolmentId, 'meetings');
  return onCaseEnrolment(ctx, enrolmentId, { action: 'create', entity: 'meeting' }, find, async (trx, enrolment) => {
    if (input.nextMeetingAt !== null && input.nextMeetingAt <= input.heldAt) {
      throw badRequest(invalid, [{ path: 'nextMeetingAt', message: 'Nästa möte måste vara efter det här mötet' }]);
    }
    const staffIds = [...new Set([ctx.actor.userId, ...input.staffUserIds])];
    const known = await activeUsers(trx, staffIds);
    if (staffIds.some((id) => !known.has(id))) throw badRequest(invalid, [{ path: 'staffUserIds', message: 'Välj personal ur listan' }]);
    // An action may be linked only to a sub-goal the author sees; any other is not there.
    const linked = input.actions.flatMap((a) => (a.subGoalId ? [a.subGoalId] : []));
    if (linked.length > 0) {
      const plan = await findVisiblePlan(trx, ctx.scope, enrolment.id);
      const goals = new Set((plan ? await visibleSubGoals(trx, ctx.scope, plan.id) : []).map((g) => g.id));
      if (linked.some((id) => !goals.has(id))) throw notFound();
    }
    const id = await insertMeeting(trx, enrolment, ctx.actor.organisationId, ctx.actor.userId, { ...input, staffUserIds: staffIds });
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'meeting', enrolmentId, personId: enrolment.person_id, details: { meetingId: id, type: input.type } }]);
    const view = await meetingsOf(ctx, trx, enrolment);
    return view.items.find((m) => m.id === id)!;
  });
}
