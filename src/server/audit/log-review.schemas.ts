import { z } from 'zod';
import { id, isoDate, text } from '../../core/schemas/common.js';

// Log review (loggkontroll). Kept next to the routes, like code-list.schemas.ts; move to core
// when the web app needs them. Identifiers travel in POST bodies, never in URLs.

const fromBeforeTo = {
  check: (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to,
  message: { path: ['to'], message: 'Välj ett slutdatum som inte är före startdatumet' },
};

const optionalPeriod = { from: isoDate.optional(), to: isoDate.optional() };
const page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500, 'Högst 500 rader per sida').default(100),
};
const format = { format: z.enum(['csv', 'pdf'], { message: 'Välj formatet csv eller pdf' }) };

const personShape = { personId: id, ...optionalPeriod };
const userShape = { userId: id, ...optionalPeriod };
const sampleShape = {
  from: isoDate,
  to: isoDate,
  k: z.number().int().min(1, 'Ange minst 1').max(1000, 'Högst 1000 händelser i ett stickprov'),
  /** The same seed, period and log give the same sample; without one the server picks a seed. */
  seed: text().trim().min(1).max(64, 'Högst 64 tecken').optional(),
};

export const personAccessesBody = z.object({ ...personShape, ...page }).refine(fromBeforeTo.check, fromBeforeTo.message);
export const personAccessesExport = z.object({ ...personShape, ...format }).refine(fromBeforeTo.check, fromBeforeTo.message);
export const userAccessesBody = z.object({ ...userShape, ...page }).refine(fromBeforeTo.check, fromBeforeTo.message);
export const userAccessesExport = z.object({ ...userShape, ...format }).refine(fromBeforeTo.check, fromBeforeTo.message);
export const sampleBody = z.object(sampleShape).refine(fromBeforeTo.check, fromBeforeTo.message);
export const sampleExport = z.object({ ...sampleShape, ...format }).refine(fromBeforeTo.check, fromBeforeTo.message);

/** One audit event as a reviewer sees it: who, what, whom, when, why, outcome. */
export const accessRow = z.object({
  id: z.number(),
  /** UTC, ISO 8601. */
  at: z.string(),
  user: z.object({ id, name: z.string(), email: z.string() }).nullable(),
  organisation: z.object({ id, code: z.string(), name: z.string() }).nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  /** name and participantRef only when the reviewer's organisation controls the person and
   *  identity is not removed; otherwise null. */
  person: z.object({ id, name: z.string().nullable(), participantRef: z.string().nullable() }).nullable(),
  enrolmentId: z.string().nullable(),
  purpose: z.string().nullable(),
  outcome: z.enum(['allowed', 'denied']),
  /** The event concerns a person with protected identity. */
  protected: z.boolean(),
  requestId: z.string().nullable(),
});
export type AccessRow = z.output<typeof accessRow>;

const period = z.object({ from: z.string().nullable(), to: z.string().nullable() });

export const accessList = z.object({
  items: z.array(accessRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  period,
});

export const accessSample = z.object({
  items: z.array(accessRow),
  /** Events in the period the sample was drawn from. */
  population: z.number(),
  seed: z.string(),
  period,
});
