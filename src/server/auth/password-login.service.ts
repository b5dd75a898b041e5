import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { beginLoginAttempt, forgetLoginAttempt, pruneLoginAttempts, type LimitedBy } from './login-attempts.js';
import { findPasswordOf } from './login.repository.js';
import { verifyPassword } from './password.js';

/** limitedBy: refused by a login limit before the password was checked; null: a wrong e-mail or password. */
export type PasswordLogin = { ok: true; userId: string } | { ok: false; limitedBy: LimitedBy | null };

/**
 * A password login under the login limits. The attempt is counted before the password is checked,
 * for known and unknown accounts alike (ASVS 6.3.1), and an unknown account fails exactly like a
 * wrong password, so accounts cannot be discovered.
 */
export async function passwordLogin(db: Db, limit: Config['loginLimit'], email: string, password: string, address: string): Promise<PasswordLogin> {
  const attempt = await beginLoginAttempt(db, limit, email, address);
  if (attempt.limitedBy) return { ok: false, limitedBy: attempt.limitedBy };
  const user = await findPasswordOf(db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok) {
    await pruneLoginAttempts(db, limit);
    return { ok: false, limitedBy: null };
  }
  await forgetLoginAttempt(db, attempt.id);
  return { ok: true, userId: user.id };
}
