import { z } from 'zod';
import { id } from './common.js';

export const loginRequest = z.object({
  email: z.string().trim().toLowerCase().email('Ange en giltig e-postadress'),
  password: z.string().min(1, 'Ange ditt lösenord').max(200),
});

export const assignmentView = z.object({
  id,
  role: z.string(),
  interventionId: id.nullable(),
  teamId: id.nullable(),
  associationId: id.nullable(),
});

export const meResponse = z.object({
  user: z.object({ id, email: z.string(), displayName: z.string(), organisationId: id }),
  roles: z.array(z.string()),
  assignments: z.array(assignmentView),
  csrfToken: z.string(),
});
