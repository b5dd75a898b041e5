import { z } from 'zod';
import { code } from './common.js';

const count = z.number().int().nonnegative().nullable();
const share = z.number().min(0).nullable();
const kronor = z.number().nullable();

/** A year (2026), a tertial (2026-T2) or a calendar month (2026-03): the periods a förbund compares its interventions over. */
export const dashboardPeriod = z
  .string()
  .regex(/^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$/, 'Välj ett år (2026), ett tertial (2026-T2) eller en månad (2026-03)')
  .describe('Ett kalenderår (2026), ett tertial (2026-T2) eller en kalendermånad (2026-03)');

export const dashboardQuery = z.object({
  association: code,
  period: dashboardPeriod,
});

/**
 * One intervention of the förbund's dashboard (issue 12, item 8): suppressed figures only (a
 * hidden count or a share built on one is null), computed from the key figures, goals and budget.
 */
export const dashboardIntervention = z.object({
  code: z.string(),
  name: z.string(),
  owner: z.string(),
  volume: z.object({ participants: count, target: z.number().nullable(), share }),
  workOrStudies: z.object({ count, exited: count, share }),
  completion: z.object({ completed: count, recorded: count, share }),
  cost: z.object({ actual: kronor, perParticipant: kronor, perOutcome: kronor }),
  /** Goals set for exactly this period: how many are met of how many there are. */
  goals: z.object({ met: z.number().int(), total: z.number().int() }),
});

export const dashboardView = z.object({
  association: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ name: z.string(), from: z.string(), to: z.string() }),
  /** Counts from 1 to threshold − 1 are hidden (and some more, so they cannot be derived). */
  threshold: z.number().int(),
  interventions: z.array(dashboardIntervention),
});

export type DashboardView = z.infer<typeof dashboardView>;
export type DashboardIntervention = z.infer<typeof dashboardIntervention>;
