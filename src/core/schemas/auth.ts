import { z } from 'zod';
import { id, text } from './common.js';

export const loginRequest = z.object({
  email: text().trim().toLowerCase().email('Ange en giltig e-postadress'),
  password: z.string().min(1, 'Ange ditt lösenord').max(200),
});

/**
 * What the web app offers the user, computed on the server (access/navigation-policy.ts) from the
 * permissions the API's routes declare. The web app follows these flags and never reads roles.
 */
export const navigationCan = z.object({
  participants: z.boolean(),
  enrol: z.boolean(),
  reports: z.boolean(),
  /** Förbund (organisation ids) whose aggregated outcomes report the user may open. */
  reportAssociations: z.array(id),
  importKinds: z.array(z.enum(['organisations', 'interventions', 'enrolments'])),
  users: z.boolean(),
  organisations: z.boolean(),
  codeLists: z.boolean(),
  /** The log reviewer's workplace (loggkontroll). */
  logReview: z.boolean(),
  /** A subject-access answer (registerutdrag) for a person of the own organisation. */
  subjectAccess: z.boolean(),
});

export const meResponse = z.object({
  user: z.object({ id, email: z.string(), displayName: z.string(), organisationId: id }),
  /** The user's role names, for display. Decisions follow `can`. */
  roles: z.array(z.string()),
  can: navigationCan,
  csrfToken: z.string(),
});
