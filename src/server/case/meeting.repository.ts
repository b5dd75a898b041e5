import { sql } from 'kysely';
import { caseRecordVisibleTo } from '../access/case-record-policy.js';
import type { DataScope } from '../access/data-scope.js';
import type { Db } from '../db/connection.js';
import type { CaseEnrolment } from './plan.repository.js';

// Meetings, read only through the case-record rule (category `meetings`). Times are stored as
// instants and written and shown in Sweden's time.

const local = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI')`;
const instant = (value: string | null) => (value === null ? null : sql<Date>`(${value}::timestamp at time zone 'Europe/Stockholm')`);

export function visibleMeetings(db: Db, scope: DataScope, enrolmentId: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('organisations as o', 'o.id', 'm.controller_org_id')
    .leftJoin('users as u', 'u.id', 'm.created_by_user_id')
    .select(['m.id', 'm.enrolment_id', 'm.type', 'm.participant_present', 'm.staff_user_ids', 'm.other_roles', 'm.notes', 'm.health', 'o.id as org_id', 'o.name as org_name', 'u.display_name as by'])
    .select([local('m.held_at').as('held_at'), local('m.next_meeting_at').as('next_meeting_at')])
    .where(caseRecordVisibleTo(scope, 'meetings', 'm'))
    .where('m.enrolment_id', '=', enrolmentId)
    .orderBy('m.held_at', 'desc')
    .orderBy('m.id')
    .execute();
}

export type MeetingRow = Awaited<ReturnType<typeof visibleMeetings>>[number];

/** The agreed actions of meetings a scoped read returned. */
export function actionsOf(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('meeting_actions').select(['meeting_id', 'text', 'sub_goal_id']).where('meeting_id', 'in', meetingIds).orderBy('meeting_id').orderBy('position').execute();
}

/** Staff named in meetings, with their organisation (staff accounts, not participant data). */
export function staffNames(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name as name', 'o.name as organisation'])
    .where('u.id', 'in', userIds)
    .execute();
}

/** Staff who may have taken part: case workers assigned to the enrolment's intervention or team. */
export function caseStaff(db: Db, enrolmentId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name as name', 'o.name as organisation'])
    .where('u.active', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assignments as a')
          .innerJoin('enrolments as e', (join) => join.on(sql<boolean>`(e.intervention_id = a.intervention_id or e.team_id = a.team_id)`))
          .select('a.id')
          .whereRef('a.user_id', '=', 'u.id')
          .where('a.role', '=', 'case_worker')
          .where('e.id', '=', enrolmentId),
      ),
    )
    .orderBy('o.name')
    .orderBy('u.display_name')
    .execute();
}

export type NewMeeting = {
  type: string;
  heldAt: string;
  participantPresent: boolean;
  staffUserIds: string[];
  otherRoles: string[];
  notes: string | null;
  nextMeetingAt: string | null;
  health: boolean;
  actions: { text: string; subGoalId: string | null }[];
};

export async function insertMeeting(db: Db, enrolment: CaseEnrolment, organisationId: string, userId: string | null, m: NewMeeting): Promise<string> {
  const row = await db
    .insertInto('meetings')
    .values({
      enrolment_id: enrolment.id,
      person_id: enrolment.person_id,
      controller_org_id: organisationId,
      created_by_user_id: userId,
      health: m.health,
      type: m.type,
      held_at: instant(m.heldAt)!,
      participant_present: m.participantPresent,
      staff_user_ids: m.staffUserIds,
      other_roles: m.otherRoles,
      notes: m.notes,
      next_meeting_at: instant(m.nextMeetingAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (m.actions.length > 0) {
    await db
      .insertInto('meeting_actions')
      .values(m.actions.map((a, position) => ({ meeting_id: row.id, person_id: enrolment.person_id, position, text: a.text, sub_goal_id: a.subGoalId })))
      .execute();
  }
  return row.id;
}

/** Which of the users exist and are active. */
export async function activeUsers(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  return new Set(rows.map((r) => r.id));
}
