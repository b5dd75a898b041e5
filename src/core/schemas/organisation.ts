import { z } from 'zod';
import { code, id, shortText } from './common.js';

export const organisationKind = z.enum(
  ['municipality', 'employment_service', 'social_insurance', 'region', 'association', 'provider'],
  { message: 'Okänd organisationstyp' },
);

const orgNumber = z.string().trim().regex(/^\d{6}-\d{4}$/, 'Ange organisationsnummer som NNNNNN-NNNN');
/** The förbund the organisation is a member of (domain.md: AF and FK are members of most). */
const associationIds = z.array(id).max(50, 'Högst 50 förbund');

export const organisationCreate = z.object({
  code,
  name: shortText().min(1, 'Ange ett namn'),
  kind: organisationKind,
  orgNumber: orgNumber.nullable().default(null),
  associationIds: associationIds.default([]),
});

/** Code and kind stay fixed: imports match organisations by code, and kind decides what an association is. */
export const organisationUpdate = z.object({
  name: shortText().min(1, 'Ange ett namn').optional(),
  orgNumber: orgNumber.nullable().optional(),
  /** Replaces the memberships as a whole. */
  associationIds: associationIds.optional(),
});

export const organisationView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  orgNumber: z.string().nullable(),
  associationIds: z.array(id),
});

export const organisationList = z.object({ items: z.array(organisationView) });
