import { z } from 'zod';
import { id, text } from './common.js';
import { userCreate } from './user.js';

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
  /** Förbund (organisation ids) whose dashboard the user may open (issue 12, item 8). */
  dashboardAssociations: z.array(id),
  importKinds: z.array(z.enum(['organisations', 'interventions', 'enrolments'])),
  users: z.boolean(),
  organisations: z.boolean(),
  codeLists: z.boolean(),
  /** The log reviewer's workplace (loggkontroll). */
  logReview: z.boolean(),
  /** A subject-access answer (registerutdrag) for a person of the own organisation. */
  subjectAccess: z.boolean(),
  /** The roles the user can grant at all (an administrator); the users page offers only these. */
  grantableRoles: z.array(z.string()),
  /** Survey results of the interventions the user works in or whose förbund they serve (issue 13). */
  surveys: z.boolean(),
  /** Editing questionnaires and their translations (a förbund or an intervention lead). */
  surveyTranslations: z.boolean(),
  /** The förbund's published report documents (a board member, the förbund's admin). */
  boardReports: z.boolean(),
});

export const meResponse = z.object({
  user: z.object({ id, email: z.string(), displayName: z.string(), organisationId: id }),
  /** The user's role names, for display. Decisions follow `can`. */
  roles: z.array(z.string()),
  can: navigationCan,
  csrfToken: z.string(),
  /** The password is temporary: the user must choose a new one before anything else (only this, the change and logout answer). */
  mustChangePassword: z.boolean(),
  /** The account has a password to change (an account that signs in only by SSO has none). */
  hasPassword: z.boolean(),
});

/** Changing one's own password: the current one, and a new one under the same rules as any password. */
export const passwordChange = z
  .object({
    currentPassword: z.string().min(1, 'Ange ditt nuvarande lösenord').max(200, 'Lösenordet får ha högst 200 tecken'),
    newPassword: userCreate.shape.password,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Välj ett nytt lösenord som skiljer sig från det nuvarande',
  });
