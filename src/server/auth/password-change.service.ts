import type { z } from 'zod';
import type { passwordChange } from '../../core/schemas/auth.js';
import type { Config } from '../config.js';
import type { RequestContext } from '../context.js';
import { AppError, badRequest } from '../errors.js';
import { auditedChange, type RightsDetails } from '../users/rights-audit.js';
import { passwordHashOf, setPassword } from '../users/user.repository.js';
import { beginLoginAttempt, forgetLoginAttempt, pruneLoginAttempts } from './login-attempts.js';
import { hashPassword, verifyPassword } from './password.js';
import { endOtherSessions } from './sessions.js';

export const passwordMessages = {
  tooManyAttempts: 'För många felaktiga lösenord. Vänta en minut och försök igen.',
  wrongCurrent: 'Lösenordet är inte bytt: det nuvarande lösenordet stämmer inte.',
  wrongCurrentField: 'Lösenordet stämmer inte. Skriv det lösenord du loggade in med.',
  noPassword: 'Ditt konto loggar in med organisationens inloggningstjänst och har inget lösenord i Stegvis att byta.',
} as const;

/**
 * Changing one's own password (ASVS 6.2.2, 6.2.3): the current password is checked under the login
 * limits (counted on the account and the address like a failed login, so the form is no way round
 * them), the new one replaces it and is no longer temporary, and every other session of the user
 * ends; the session that made the change goes on. Audited as an update of the user, a wrong
 * current password as denied; never the password.
 */
export async function changeOwnPassword(
  ctx: RequestContext,
  limit: Config['loginLimit'],
  session: { token: string; address: string },
  input: z.output<typeof passwordChange>,
): Promise<void> {
  const { actor } = ctx;
  const details: RightsDetails = { userId: actor.userId, userOrgId: actor.organisationId, passwordChanged: true };
  const current = await passwordHashOf(ctx.db, actor.userId);
  let refusal: AppError | null = null;
  let newHash: string | null = null;
  if (!current) {
    refusal = badRequest(passwordMessages.noPassword);
  } else {
    const attempt = await beginLoginAttempt(ctx.db, limit, actor.email, session.address);
    if (attempt.limitedBy) {
      refusal = new AppError('rate_limited', passwordMessages.tooManyAttempts);
    } else if (await verifyPassword(current, input.currentPassword)) {
      await forgetLoginAttempt(ctx.db, attempt.id);
      // Hashing is slow by design; done before the transaction holds a connection.
      newHash = await hashPassword(input.newPassword);
    } else {
      await pruneLoginAttempts(ctx.db, limit);
      refusal = badRequest(passwordMessages.wrongCurrent, [{ path: 'currentPassword', message: passwordMessages.wrongCurrentField }]);
    }
  }
  await auditedChange(ctx, 'update', 'user', details, async (trx) => {
    if (refusal || !newHash) throw refusal ?? badRequest(passwordMessages.wrongCurrent);
    await setPassword(trx, actor.userId, newHash, false);
    details.sessionsEnded = await endOtherSessions(trx, actor.userId, session.token);
  });
}
