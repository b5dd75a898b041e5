import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';

// Keys are hashes: the table never holds an e-mail address, or whatever was typed instead of one.
const key = (kind: 'account' | 'address', value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');

/**
 * Why an attempt was refused: too many failures from this address (whatever the account), too
 * many failures on this account from this address, or the account is under a distributed attack
 * and this address has failed within the window.
 */
export type LimitedBy = 'address' | 'account_at_address' | 'account_everywhere';
export type LoginAttempt = { id: number; limitedBy: LimitedBy | null };

/**
 * Records a password login attempt before the password is checked, then counts the attempts in
 * the window, this one included. Counting in the database makes the limit hold across every
 * server process on it; recording first means concurrent attempts see each other (ASVS 6.3.1).
 * The same happens for known and unknown accounts, so the limit does not reveal which exist.
 *
 * Failures are counted so that an attacker cannot keep the owner out (ASVS 6.3.1, formerly
 * V2.2.1: rate limiting without account-lockout denial of service):
 * - per address, over all accounts (`perAddress`): one address guessing or spraying is stopped;
 * - per account **from one address** (`perAccount`): the attacker's address is stopped for that
 *   account, while the owner at any other address still logs in;
 * - per account from all addresses (`accountCeiling`, much higher): a distributed attack. Beyond
 *   it the password is still checked from an address without failures in the window, so the
 *   owner gets in on the first try at a new address and is at most slowed by a window after a
 *   typo; each attacking address gets one guess per window at most.
 */
export async function beginLoginAttempt(db: Db, limit: Config['loginLimit'], email: string, address: string): Promise<LoginAttempt> {
  const accountKey = key('account', email);
  const addressKey = key('address', address);
  const { id } = await db
    .insertInto('login_attempts')
    .values({ account_key: accountKey, address_key: addressKey })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counts = await db
    .selectFrom('login_attempts')
    .select([
      sql<number>`count(*) filter (where address_key = ${addressKey})`.as('address'),
      sql<number>`count(*) filter (where address_key = ${addressKey} and account_key = ${accountKey})`.as('accountAtAddress'),
      sql<number>`count(*) filter (where account_key = ${accountKey})`.as('account'),
    ])
    .where('attempted_at', '>', sql<Date>`now() - ${limit.windowSeconds}::double precision * interval '1 second'`)
    .where((eb) => eb.or([eb('account_key', '=', accountKey), eb('address_key', '=', addressKey)]))
    .executeTakeFirstOrThrow();
  const fromAddress = Number(counts.address);
  const limitedBy: LimitedBy | null =
    fromAddress > limit.perAddress
      ? 'address'
      : Number(counts.accountAtAddress) > limit.perAccount
        ? 'account_at_address'
        : Number(counts.account) > limit.accountCeiling && fromAddress > 1
          ? 'account_everywhere'
          : null;
  // A refused attempt checks no password, so it is not a failure: the limit lifts as the window moves on.
  if (limitedBy) await forgetLoginAttempt(db, id);
  return { id, limitedBy };
}

/** A successful login is not a failure. */
export async function forgetLoginAttempt(db: Db, id: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/** Attempts older than the window count for nothing any more. */
export async function pruneLoginAttempts(db: Db, limit: Config['loginLimit']): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('attempted_at', '<', sql<Date>`now() - ${limit.windowSeconds}::double precision * interval '1 second'`)
    .execute();
}
