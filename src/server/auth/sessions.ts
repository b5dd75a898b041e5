import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { actorColumns, type Actor } from '../access/actor.js';
import type { Db } from '../db/connection.js';
import { prepared } from '../db/prepared.js';

export const sessionCookie = 'stegvis_session';
/** Behind TLS the name carries `__Host-`: Secure, path /, no Domain — no sibling host can plant it (ASVS 3.3.1, 3.3.3). */
export const sessionCookieName = (secure: boolean) => (secure ? `__Host-${sessionCookie}` : sessionCookie);
export const idleTimeoutMs = 30 * 60 * 1000;
export const absoluteTimeoutMs = 10 * 60 * 60 * 1000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type Session = { tokenHash: string; userId: string; csrfToken: string };

/** Only the hash of the token is stored, so a database dump holds no usable session. */
export async function createSession(db: Db, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + absoluteTimeoutMs),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * Recording use at most once a minute keeps a read a read: the idle limit is then exact to
 * within that minute, and most requests make no write (bench/: a write per request halved
 * the throughput of audited reads).
 */
const touchIntervalMs = 60 * 1000;

/**
 * A session is valid until its absolute expiry and while used at least every 30 minutes. Its
 * active user and their assignments come in the same query: one round trip per request.
 */
export async function touchSession(db: Db, token: string): Promise<{ session: Session; actor: Actor } | null> {
  const hash = tokenHash(token);
  const now = new Date();
  const { rows } = await sql<{ user_id: string; csrf_token: string; last_seen_at: Date; actor: Actor }>`
    select s.user_id, s.csrf_token, s.last_seen_at, ${actorColumns} as actor
    from sessions s join users u on u.id = s.user_id and u.active
    where s.token_hash = ${hash} and s.expires_at > ${now} and s.last_seen_at > ${new Date(now.getTime() - idleTimeoutMs)} ${prepared}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= touchIntervalMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  return { session: { tokenHash: hash, userId: row.user_id, csrfToken: row.csrf_token }, actor: row.actor };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

/** Ends every session of the user but the one of `keepToken`: the other browsers must log in again. */
export async function endOtherSessions(db: Db, userId: string, keepToken: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', tokenHash(keepToken)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past their absolute or idle limit, so ended sessions do not pile up (ASVS 7.3.1, 7.3.2). */
export async function pruneSessions(db: Db): Promise<void> {
  const now = new Date();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleTimeoutMs))]))
    .execute();
}
