import { z } from 'zod';
import { id, shortText } from './common.js';

export const role = z.enum([
  'case_worker',
  'intervention_lead',
  'association_admin',
  'org_admin',
  'report_reader',
  'log_reviewer',
  'system_admin',
]);

export const userCreate = z.object({
  email: z.string().trim().toLowerCase().email('Ange en giltig e-postadress'),
  displayName: shortText(120).min(1, 'Ange ett namn'),
  password: z.string().min(12, 'Lösenordet måste ha minst 12 tecken').max(200),
  organisationId: id.optional(),
});

export const assignmentCreate = z.object({
  role,
  interventionId: id.nullable().default(null),
  teamId: id.nullable().default(null),
  associationId: id.nullable().default(null),
});

export const userView = z.object({
  id,
  email: z.string(),
  displayName: z.string(),
  organisationId: id,
  active: z.boolean(),
  assignments: z.array(
    z.object({ id, role: z.string(), interventionId: id.nullable(), teamId: id.nullable(), associationId: id.nullable() }),
  ),
});
