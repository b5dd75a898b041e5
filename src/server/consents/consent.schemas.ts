import { z } from 'zod';
import { id, isoDate } from '../../core/schemas/common.js';
import { caseCategory } from '../../core/schemas/case.js';

// Route schemas for the consent lifecycle. The recorded consent itself uses core's consentInput
// and consentView, shared with the enrolment form.

export const partyBody = z.object({ organisationId: id, categories: z.array(caseCategory).max(3).optional() });
export const categoriesBody = z.object({ categories: z.array(caseCategory).max(3) });
export const partyParams = z.object({ id, organisationId: id });

export const withdrawBody = z.object({
  /** The day the person withdrew consent; the open enrolments are exited on it. */
  date: isoDate,
});

export const withdrawResult = z.object({
  withdrawnConsents: z.number(),
  withdrawnDate: z.string(),
  exitedEnrolments: z.number(),
});
