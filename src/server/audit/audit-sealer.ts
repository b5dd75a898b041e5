import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.js';
import { runInBackground } from '../background.js';

/** prev_hash of the first seal (migration 2026-11-28-1100-audit-sealer). */
export const GENESIS_HASH = Buffer.alloc(32);

// Key of the sealer's election: 'stegvis audit sealer'.
const SEALER_LOCK = '7305648521190475002';

export type SealResult = { elected: boolean; seals: number; rows: number };

/**
 * Seals committed audit events (migration 2026-11-28-1100-audit-sealer): appends seals of at most
 * `batchSize` rows each until nothing below the horizon is left. Only the session that wins the
 * advisory lock seals; another one running at the same moment returns `elected: false`.
 *
 * The horizon is pg_snapshot_xmin of the statement's own snapshot: every transaction below it has
 * ended, so the rows below it are final, and every later commit sorts after them. On the embedded
 * database the server's one connection serialises transactions, so nothing is in progress when a
 * seal runs and the same rule holds trivially.
 */
export async function sealAuditEvents(db: Db, options: { batchSize?: number } = {}): Promise<SealResult> {
  const batchSize = options.batchSize ?? 10_000;
  let seals = 0;
  let rows = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      const { rows: won } = await sql<{ elected: boolean }>`select pg_try_advisory_xact_lock(${SEALER_LOCK}::bigint) as elected`.execute(trx);
      return won[0].elected ? sealOneBatch(trx, batchSize) : null;
    });
    if (sealed === null) return { elected: seals > 0, seals, rows };
    if (sealed === 0) return { elected: true, seals, rows };
    seals += 1;
    rows += sealed;
  }
}

/**
 * One seal in one statement: the next rows after the head, below the horizon. The statement's
 * snapshot is taken after the lock was won, so it sees the head the previous sealer committed.
 */
async function sealOneBatch(db: Db, batchSize: number): Promise<number> {
  const { rows } = await sql<{ row_count: number }>`
    with head as (
      select coalesce(s.last_xid, '0'::xid8) as xid, coalesce(s.last_id, 0) as id, coalesce(s.hash, ${GENESIS_HASH}::bytea) as hash
      from (select 1) one left join lateral (select last_xid, last_id, hash from audit_seals order by id desc limit 1) s on true),
    batch as (
      select e.xid, e.id, e.hash from audit_events e, head
      where (e.xid, e.id) > (head.xid, head.id) and e.xid < pg_snapshot_xmin(pg_current_snapshot())
      order by e.xid, e.id limit ${batchSize})
    insert into audit_seals (last_xid, last_id, row_count, prev_hash, hash)
    select (array_agg(b.xid order by b.xid desc, b.id desc))[1], (array_agg(b.id order by b.xid desc, b.id desc))[1],
      count(*), head.hash,
      sha256(head.hash || int4send(count(*)::int) || string_agg(int8send(b.id) || b.hash, ''::bytea order by b.xid, b.id))
    from batch b, head group by head.hash
    returning row_count`.execute(db);
  return rows[0]?.row_count ?? 0;
}

/**
 * Seals inside the server every `everyMs`. Several servers on one database take turns through
 * the election. Returns a stop function that resolves when a run in progress ends.
 */
export function startAuditSealer(db: Db, log: Pick<FastifyBaseLogger, 'error'>, everyMs = 1000): () => Promise<void> {
  return runInBackground(() => sealAuditEvents(db), log, 'audit seal', everyMs);
}
