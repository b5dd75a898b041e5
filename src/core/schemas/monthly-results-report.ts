// The monthly result series with its comparison and forecast (issue 12, item 4), as the API, the
// CLI and the web app give it. Strict, like the other report formats.
import { z } from 'zod';
import { outcomesReportSchema } from './outcomes-report.js';

/** A calendar month, `2025-03`. */
export const monthNameSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Skriv månaden som ÅÅÅÅ-MM');
const count = z.number().int().nonnegative().nullable();

const monthSchema = z.strictObject({ month: monthNameSchema, active: count, outcomes: count, result: z.number().min(0).max(1).nullable() });

export const monthlySeriesSchema = z.strictObject({
  /** What the series is of: the intervention, the comparison intervention or team, or last year. */
  kind: z.enum(['intervention', 'team', 'last_year']),
  scope: z.union([z.strictObject({ intervention: z.string() }), z.strictObject({ intervention: z.string(), team: z.string() })]),
  /** Counts below the threshold are hidden (readers outside the controlling organisation). */
  suppressed: z.boolean(),
  months: z.array(monthSchema),
});

export const forecastSchema = z.strictObject({
  goal: z.strictObject({ id: z.string(), title: z.string(), period: z.string(), target: z.number().min(0).max(1) }),
  target_group: z.number().int().nonnegative(),
  goal_count: z.number().int().nonnegative(),
  achieved: z.number().int().nonnegative(),
  months_left: z.number().int().positive(),
  needed: z.number().nonnegative(),
});

export const monthlyResultsReportSchema = z.strictObject({
  report: z.literal('monthly'),
  version: z.literal(1),
  months: z.strictObject({ from: monthNameSchema, to: monthNameSchema }),
  rules: outcomesReportSchema.shape.rules,
  series: z.array(monthlySeriesSchema),
  /** Null when the intervention has no work-or-studies goal covering the last month, or it cannot be computed. */
  forecast: forecastSchema.nullable(),
});

export type MonthlySeries = z.infer<typeof monthlySeriesSchema>;
export type MonthlyResultsReport = z.infer<typeof monthlyResultsReportSchema>;
