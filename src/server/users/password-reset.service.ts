import type { z } from 'zod';
import type { passwordReset } from '../../core/schemas/user.js';
import { checkPasswordReset } from '../access/rights-policy.js';
import { hashPassword } from '../auth/password.js';
import type { RequestContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { auditedChange, type RightsDetails } from './rights-audit.js';
import { endSessionsOf, findTargetUser, passwordHashOf, setPassword } from './user.repository.js';

export const signsOnWithoutPassword =
  'Kontot loggar in med organisationens inloggningstjänst och har inget lösenord i Stegvis. Hjälp användaren via inloggningstjänsten.';

/**
 * An administrator's reset (issue 9, accounts): the password the administrator gives is temporary,
 * every session of the user ends, and the user must choose a new password at the next login.
 * Who may (access/rights-policy.ts, checkPasswordReset) is checked inside the audited change, so
 * a refusal is audited as denied like any other change of rights. An account that signs on only by
 * SSO has no password and gets none: a password would open a second way in that the
 * organisation's identity provider does not control.
 */
export async function resetPassword(ctx: RequestContext, id: string, input: z.output<typeof passwordReset>): Promise<void> {
  // Hashing is slow by design; done before the transaction holds a connection.
  const passwordHash = await hashPassword(input.password);
  const details: RightsDetails = { userId: id, passwordReset: true };
  await auditedChange(ctx, 'update', 'user', details, async (trx) => {
    const user = await findTargetUser(trx, ctx.actor, id);
    if (user) details.userOrgId = user.organisationId;
    if (!user) throw notFound();
    checkPasswordReset(ctx.actor, user);
    if (!(await passwordHashOf(trx, id))) throw badRequest(signsOnWithoutPassword);
    await setPassword(trx, id, passwordHash, true);
    details.passwordMustChange = true;
    details.sessionsEnded = await endSessionsOf(trx, id);
  });
}
