import { z } from 'zod';
import { id } from './common.js';

// The case worker's worklist and a team's caseload (issue 10, item 6).

export const workItem = z.object({
  enrolmentId: id,
  participant: z.string(),
  intervention: z.string(),
  date: z.string(),
  /** A meeting type or activity type code, when the item is one. */
  what: z.string().nullable(),
});

export const worklistView = z.object({
  today: z.string(),
  overdue: z.array(workItem),
  due: z.array(workItem),
  meetings: z.array(workItem),
  ending: z.array(workItem),
  noPlan: z.array(workItem),
  /** Ended in the last 30 days with no exit survey sent (for those who may send one). */
  exitSurvey: z.array(workItem),
  teams: z.array(z.object({ id, name: z.string(), intervention: z.string() })),
});

export const caseloadView = z.object({
  team: z.object({ id, name: z.string() }),
  items: z.array(
    z.object({
      enrolmentId: id,
      participant: z.string(),
      intervention: z.string(),
      startDate: z.string(),
      subGoal: z.string().nullable(),
      nextFollowUp: z.string().nullable(),
      nextMeeting: z.string().nullable(),
    }),
  ),
});
