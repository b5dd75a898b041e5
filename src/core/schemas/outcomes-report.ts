// The "Outcomes report (JSON, version 1)" of domain.md: other programs read this file, so the
// schema is strict (no stray keys) and the key order of the producer follows the document.
import { z } from 'zod';
import { isIsoDate } from '../dates.js';

const date = z.string().refine(isIsoDate, 'Ange datum som ÅÅÅÅ-MM-DD (ett verkligt datum)');

/** A head count; null when hidden by small-cell suppression (domain.md, data protection 7). */
const count = z.number().int().nonnegative().nullable();
/** A fraction in [0, 1]; null when the denominator is 0 or a count it is built from is hidden. */
const share = z.number().min(0).max(1).nullable();
/** Keys of the object's values that suppression hid (set to null). */
const suppressed = z.array(z.string()).optional();

const genderCounts = { woman: count, man: count, other: count, total: count };

export const flowLineSchema = z.strictObject({ ...genderCounts, under_30: count, suppressed });
export const anonymousLineSchema = z.strictObject({ ...genderCounts, suppressed });

export const exitReasonRowSchema = z.strictObject({
  code: z.string(),
  label: z.string(),
  ...genderCounts,
  share,
  suppressed,
});

const countShare = z.strictObject({ count, share });

export const outcomesReportSchema = z.strictObject({
  report: z.literal('outcomes'),
  version: z.literal(1),
  scope: z.union([z.strictObject({ intervention: z.string() }), z.strictObject({ association: z.string() })]),
  period: z
    .strictObject({ from: date, to: date })
    .refine((p) => p.from <= p.to, { message: 'Perioden slutar före den börjar', path: ['to'] }),
  rules: z.strictObject({
    subsidised_counts_as_work: z.boolean(),
    suppression_threshold: z.number().int().min(1).nullable(),
  }),
  flow: z.strictObject({
    enrolled: flowLineSchema,
    active: flowLineSchema,
    exited: flowLineSchema,
    anonymous: anonymousLineSchema,
  }),
  exit_reasons: z.array(exitReasonRowSchema),
  work_or_studies: z.strictObject({
    woman: countShare,
    man: countShare,
    other: countShare,
    total: countShare,
    suppressed,
  }),
});

export type OutcomesReport = z.infer<typeof outcomesReportSchema>;
export type FlowLine = z.infer<typeof flowLineSchema>;
export type AnonymousLine = z.infer<typeof anonymousLineSchema>;
export type ExitReasonRow = z.infer<typeof exitReasonRowSchema>;
