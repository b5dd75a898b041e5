import { z } from 'zod';
import { code, isoDate, shortText } from '../../core/schemas/common.js';

// Kept next to the routes: no core schema file is set aside for code lists yet.

export const codeListEntryView = z.object({
  list: z.string(),
  code: z.string(),
  label: z.string(),
  group: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const listName = z.string().regex(/^[a-z_]{1,64}$/, 'Ange en kodlista, t.ex. exit_reason');

export const listParams = z.object({ list: listName });
export const entryParams = z.object({ list: listName, code });

/** Machine codes are stable identifiers in files and reports: lower case, digits and _. */
export const codeListEntryCreate = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9_]{1,64}$/, 'Koden får bara innehålla a–z, 0–9 och _ (högst 64 tecken)'),
    label: shortText(200).min(1, 'Ange en benämning'),
    group: code.nullable().default(null),
    validFrom: isoDate.optional(),
    validTo: isoDate.nullable().default(null),
  })
  .refine((v) => !v.validTo || !v.validFrom || v.validTo >= v.validFrom, {
    path: ['validTo'],
    message: 'Giltig till kan inte vara före giltig från',
  });

/** Codes are never deleted (past records and figures use them); a code is closed with validTo. */
export const codeListEntryUpdate = z
  .object({
    label: shortText(200).min(1, 'Ange en benämning').optional(),
    validTo: isoDate.nullable().optional(),
  })
  .refine((v) => v.label !== undefined || v.validTo !== undefined, {
    path: ['label'],
    message: 'Ange vad som ska ändras: en ny benämning (label) eller giltig till (validTo)',
  });
