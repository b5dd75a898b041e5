import { z } from 'zod';
import { costCategories } from '../figures/budget.js';
import { text } from './common.js';

const amount = z.number({ message: 'Ange ett belopp i kronor' }).max(1e11, 'Beloppet är för stort').multipleOf(0.01, 'Högst två decimaler (öre)');
const kronor = amount.min(0, 'Beloppet kan inte vara negativt');
const category = z.string().refine((c) => costCategories.includes(c), 'Okänt kostnadsslag');
const byCategory = z.record(category, kronor);

/**
 * The year's granted funds and budget per cost category (kostnadsslag), and the year's
 * administrative costs for the national follow-up (left out: kept as they are).
 */
export const budgetInput = z.object({ grant: kronor.nullable(), lines: byCategory, administrativeCost: kronor.nullable().optional() });
/**
 * One month's actual costs per cost category, as typed in the browser (a credit may be negative);
 * null removes that category's cost of the month, a category left out is kept as it is.
 */
export const monthCostsInput = z.object({ costs: z.record(category, amount.min(-1e11, 'Beloppet är för litet').nullable()) });
/** A CSV export from the finance system (docs/finance-costs-csv.md). */
export const costImportInput = z.object({ csv: text().max(2_000_000, 'Filen är för stor (högst 2 MB)') });
/** ?dryRun=true checks the file and answers what it would import, saving nothing. */
export const costImportQuery = z.object({ dryRun: z.enum(['true', 'false'], { message: 'Ange dryRun=true eller dryRun=false' }).default('false') });
/** What a cost file holds (checked) or held (imported): its rows, months and amounts per category. */
export const costImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  months: z.array(z.string()),
  byCategory: z.record(z.string(), z.number()),
  total: z.number(),
});
/** A refused file: every error by row, column and reason (also as path and message, as other 400s). */
export const costImportErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), row: z.number().optional(), column: z.string().optional(), reason: z.string().optional() })),
});

const row = z.object({ category: z.string(), budget: z.number(), actual: z.number(), difference: z.number(), used: z.number().nullable() });

export const budgetView = z.object({
  year: z.number(),
  grant: z.number().nullable(),
  /** Administrative costs of the year (docs/national-export.md); null when not given. */
  administrativeCost: z.number().nullable(),
  rows: z.array(row),
  total: row,
  /** Actual costs by month (YYYY-MM) and category. */
  months: z.array(z.object({ month: z.string(), costs: z.record(z.string(), z.number()), total: z.number() })),
  /** Cost figures of the year (domain.md); null when the count they divide by is 0 or hidden. */
  costPerParticipant: z.number().nullable(),
  costPerOutcome: z.number().nullable(),
  participants: z.number().nullable(),
  exitsToWorkOrStudies: z.number().nullable(),
  can: z.object({ edit: z.boolean() }),
});
