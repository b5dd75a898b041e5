// The case-work figures of an intervention or a förbund for a period (issue 12, item 3; definitions
// in docs/case-figures.md): plans created and updated, follow-ups overdue, activities by type,
// income change.
import { z } from 'zod';
import { outcomesReportSchema } from './outcomes-report.js';

const count = z.number().int().nonnegative().nullable();
const suppressed = z.array(z.string()).optional();
const typeCounts = z.array(z.strictObject({ type: z.string(), label: z.string(), woman: count, man: count, other: count, total: count, suppressed }));

export const caseFiguresReportSchema = z.strictObject({
  report: z.literal('case_figures'),
  version: z.literal(1),
  scope: z.union([z.strictObject({ intervention: z.string() }), z.strictObject({ association: z.string() })]),
  period: outcomesReportSchema.shape.period,
  rules: z.strictObject({ suppression_threshold: z.number().int().positive().nullable() }),
  plans: z.strictObject({ created: count, updated: count, suppressed }),
  /** On `day`: the period's last day, or today when the period has not ended. */
  follow_ups_overdue: z.strictObject({ day: z.string(), count }),
  activities: z.strictObject({ started: typeCounts, active_on: z.strictObject({ day: z.string(), types: typeCounts }) }),
  /** Exits in the period with income recorded before and after; per income-source group, how many had it before and after. */
  income_change: z.strictObject({
    exits: count,
    groups: z.array(z.strictObject({ group: z.string(), label: z.string(), before: count, after: count, suppressed })),
    suppressed,
  }),
});

export type CaseFiguresReport = z.infer<typeof caseFiguresReportSchema>;
