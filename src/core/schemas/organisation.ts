import { z } from 'zod';
import { code, id, shortText } from './common.js';

export const organisationKind = z.enum(
  ['municipality', 'employment_service', 'social_insurance', 'region', 'association', 'provider'],
  { message: 'Okänd organisationstyp' },
);

export const organisationCreate = z.object({
  code,
  name: shortText().min(1, 'Ange ett namn'),
  kind: organisationKind,
  orgNumber: z.string().regex(/^\d{6}-\d{4}$/, 'Ange organisationsnummer som NNNNNN-NNNN').nullable().default(null),
  associationIds: z.array(id).default([]),
});

export const organisationView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  orgNumber: z.string().nullable(),
  associationIds: z.array(id),
});
