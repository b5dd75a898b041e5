import { z } from 'zod';
import { id, isoDate, text } from './common.js';

// The shared case (issue 10): consent categories, the action plan and meetings. One schema per
// form, shared by the browser and the routes.

/** Categories of information a consent shares with a party (OSL 12:2, per party). */
export const caseCategory = z.enum(['plan', 'meetings', 'health'], { message: 'Välj plan, möten eller hälsa' });

/** Per party (organisation id) the categories shared with it; a party left out gets plan and meetings. */
export const partyCategories = z.record(id, z.array(caseCategory).max(3)).default({});

export const subGoalStatuses = ['not_started', 'ongoing', 'reached', 'dropped'] as const;
export const subGoalStatus = z.enum(subGoalStatuses, { message: 'Välj status för delmålet' });

const longText = (max: number) => text().trim().max(max, `Högst ${max} tecken`);
const optionalText = (max: number) =>
  longText(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const subGoalInput = z.object({
  /** An existing sub-goal to change; none: a new one. */
  id: id.optional(),
  text: longText(500).min(1, 'Skriv vad delmålet är'),
  /** The responsible party; null: the participant themself. */
  responsibleOrgId: id.nullable().default(null),
  targetDate: isoDate.nullable().default(null),
  status: subGoalStatus.default('not_started'),
  health: z.boolean().default(false),
});

/** One save of the plan: the fields as the author sees them, and the sub-goals added or changed. */
export const planSave = z.object({
  mainGoal: longText(1000).min(1, 'Skriv planens huvudmål'),
  ownWords: optionalText(2000),
  nextFollowUp: isoDate.nullable().default(null),
  health: z.boolean().default(false),
  subGoals: z.array(subGoalInput).max(30, 'Högst 30 delmål').default([]),
});

const who = z.object({ userName: z.string().nullable(), organisation: z.object({ id, name: z.string() }) });

export const subGoalView = z.object({
  id,
  text: z.string().nullable(),
  responsible: z.object({ id, name: z.string() }).nullable(),
  targetDate: z.string().nullable(),
  status: subGoalStatus,
  health: z.boolean(),
  organisation: z.object({ id, name: z.string() }),
});

export const planChangeView = z.object({ field: z.string(), subGoalId: z.string().optional(), to: z.string().nullable().optional() });

export const planRevisionView = z.object({
  id,
  at: z.string(),
  by: who,
  health: z.boolean(),
  mainGoal: z.string().nullable(),
  ownWords: z.string().nullable(),
  nextFollowUp: z.string().nullable(),
  changes: z.array(planChangeView),
});

/** The plan as the reader may see it: the latest revision they may see, and the sub-goals they may see. */
export const planView = z.object({
  enrolmentId: id,
  exists: z.boolean(),
  current: planRevisionView.nullable(),
  subGoals: z.array(subGoalView),
  history: z.array(planRevisionView),
  nextMeeting: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), organisation: z.string() })),
  can: z.object({ save: z.boolean(), print: z.boolean() }),
});

export const meetingTypes = ['mapping', 'three_party', 'sip', 'follow_up', 'consultation', 'matching', 'workplace_visit', 'other'] as const;
export const meetingType = z.enum(meetingTypes, { message: 'Välj typ av möte' });
export const otherRoles = ['employer', 'health_care', 'school', 'relative', 'interpreter', 'provider', 'other'] as const;

/** Date and time as written in a form (Swedish local time): YYYY-MM-DDTHH:MM. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Ange datum och tid');

export const meetingInput = z.object({
  type: meetingType,
  heldAt: localDateTime,
  participantPresent: z.boolean().default(true),
  staffUserIds: z.array(id).max(20).default([]),
  otherRoles: z.array(z.enum(otherRoles, { message: 'Välj en roll' })).max(7).default([]),
  notes: optionalText(4000),
  actions: z
    .array(z.object({ text: longText(500).min(1, 'Skriv vad ni kom överens om'), subGoalId: id.nullable().default(null) }))
    .max(20)
    .default([]),
  nextMeetingAt: localDateTime.nullable().default(null),
  health: z.boolean().default(false),
});

export const meetingView = z.object({
  id,
  enrolmentId: id,
  type: meetingType,
  heldAt: z.string(),
  participantPresent: z.boolean(),
  staff: z.array(z.object({ id, name: z.string(), organisation: z.string() })),
  otherRoles: z.array(z.string()),
  notes: z.string().nullable(),
  actions: z.array(z.object({ text: z.string().nullable(), subGoalId: z.string().nullable() })),
  nextMeetingAt: z.string().nullable(),
  health: z.boolean(),
  organisation: z.object({ id, name: z.string() }),
  by: z.string().nullable(),
});

export const meetingList = z.object({ items: z.array(meetingView), can: z.object({ create: z.boolean() }) });
