import { z } from 'zod';
import { id, shortText, text } from './common.js';

export const role = z.enum(
  ['case_worker', 'intervention_lead', 'association_admin', 'org_admin', 'report_reader', 'log_reviewer', 'system_admin'],
  { message: 'Okänd roll' },
);

export const userCreate = z.object({
  email: text().trim().toLowerCase().email('Ange en giltig e-postadress'),
  displayName: shortText(120).min(1, 'Ange ett namn'),
  password: z.string().min(12, 'Lösenordet måste ha minst 12 tecken').max(200, 'Lösenordet får ha högst 200 tecken'),
  /** The user's organisation; the actor's own when left out. */
  organisationId: id.optional(),
});

/** An administrator's reset: a temporary password, which the user must change at the next login. */
export const passwordReset = z.object({ password: userCreate.shape.password });

export const userUpdate = z.object({
  displayName: shortText(120).min(1, 'Ange ett namn').optional(),
  /** false ends every session of the user at once. */
  active: z.boolean({ message: 'Ange true eller false' }).optional(),
});

export const userListQuery = z.object({ organisationId: id.optional() });

/**
 * Finds a user by exact e-mail address (POST: an address is personal data, never in a URL). The
 * owner's administrator finds a joint team's member of another party this way (users/rights.ts).
 */
export const userLookup = z.object({ email: userCreate.shape.email });

const interventionRoles = ['case_worker', 'intervention_lead'];
const associationRoles = ['association_admin', 'report_reader'];

/**
 * What each role is held on (the assignments CHECK in the initial migration): case work and
 * leads on an intervention or a team, förbund roles on an association, the rest on nothing.
 */
export const assignmentCreate = z
  .object({
    role,
    interventionId: id.nullable().default(null),
    teamId: id.nullable().default(null),
    associationId: id.nullable().default(null),
  })
  .superRefine((a, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (interventionRoles.includes(a.role)) {
      if ((a.interventionId === null) === (a.teamId === null)) issue('interventionId', 'Ange antingen en insats eller ett team');
      if (a.associationId !== null) issue('associationId', 'Rollen gäller en insats eller ett team, inte ett förbund');
    } else if (associationRoles.includes(a.role)) {
      if (a.associationId === null) issue('associationId', 'Ange vilket samordningsförbund rollen gäller');
      if (a.interventionId !== null) issue('interventionId', 'Rollen gäller ett förbund, inte en insats');
      if (a.teamId !== null) issue('teamId', 'Rollen gäller ett förbund, inte ett team');
    } else {
      for (const key of ['interventionId', 'teamId', 'associationId'] as const) {
        if (a[key] !== null) issue(key, 'Rollen gäller hela organisationen; lämna fältet tomt');
      }
    }
  });

export const assignmentParams = z.object({ id, assignmentId: id });

export const assignmentView = z.object({
  id,
  role: z.string(),
  interventionId: id.nullable(),
  teamId: id.nullable(),
  associationId: id.nullable(),
});

export const userView = z.object({
  id,
  email: z.string(),
  displayName: z.string(),
  organisationId: id,
  active: z.boolean(),
  assignments: z.array(assignmentView),
});

export const userList = z.object({ items: z.array(userView) });
