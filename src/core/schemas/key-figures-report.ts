// The "Key figures report (JSON, version 1)" of domain.md: other programs read this file, so the
// schema is strict (no stray keys) and the producer's key order follows the document.
import { z } from 'zod';
import { anonymousLineSchema, flowLineSchema, outcomesReportSchema } from './outcomes-report.js';

const count = z.number().int().nonnegative().nullable();
const share = z.number().min(0).max(1).nullable();
const suppressed = z.array(z.string()).optional();

export const keyFiguresScopeSchema = z.union([
  z.strictObject({ intervention: z.string() }),
  z.strictObject({ intervention: z.string(), team: z.string() }),
  z.strictObject({ organisation: z.string() }),
  z.strictObject({ association: z.string() }),
]);

export const ageBands = ['under_30', '30_49', '50_plus', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

export const keyFiguresReportSchema = z.strictObject({
  report: z.literal('figures'),
  version: z.literal(1),
  scope: keyFiguresScopeSchema,
  period: outcomesReportSchema.shape.period,
  rules: outcomesReportSchema.shape.rules,
  flow: z.strictObject({
    enrolled: flowLineSchema,
    active: flowLineSchema,
    exited: flowLineSchema,
    anonymous: anonymousLineSchema,
    unique_participants: flowLineSchema,
  }),
  volume: z.strictObject({ participants: count, target: z.number().int().nonnegative().nullable(), share, suppressed }),
  occupancy: z.strictObject({ mean_active: z.number().nonnegative().nullable(), places: z.number().int().nonnegative().nullable(), rate: z.number().nonnegative().nullable(), suppressed }),
  completion: z.strictObject({ completed: count, recorded: count, share, suppressed }),
  exit_groups: z.array(
    z.strictObject({ group: z.string(), woman: count, man: count, other: count, total: count, under_30: count, suppressed }),
  ),
  work_or_studies: outcomesReportSchema.shape.work_or_studies,
  /** Every employment type with at least one employment started or active in P, in code-list order. */
  employments: z.array(
    z.strictObject({
      type: z.string(),
      label: z.string(),
      started: z.strictObject({ woman: count, man: count, other: count, total: count, new: count, extension: count, suppressed }),
      persons: z.strictObject({ woman: count, man: count, other: count, total: count, suppressed }),
    }),
  ),
  persons_employed: z.strictObject({ woman: count, man: count, other: count, total: count, suppressed }),
  /** Exits to work or studies by age band at start (issue 12: outcomes by age band); every band, in order. */
  work_or_studies_by_age_band: z.array(
    z.strictObject({ band: z.enum(ageBands), exited: count, count, share, suppressed }),
  ),
});

export type KeyFiguresReport = z.infer<typeof keyFiguresReportSchema>;
export type KeyFiguresScope = z.infer<typeof keyFiguresScopeSchema>;
