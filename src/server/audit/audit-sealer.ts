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

/** Where the chain ends: the last sealed row in the sealer's order and the last seal's hash. */
type Head = { xid: string; id: number; hash: Buffer };

/**
 * One seal: the next rows after the head, below the horizon. The head is read after the lock was
 * won, so it is the one the previous sealer committed. It is passed to the seal as values, not
 * joined in, so that `(xid, id) > head` bounds the index scan: a seal reads only the rows it seals,
 * however long the trail already is.
 */
async function sealOneBatch(db: Db, batchSize: number): Promise<number> {
  const { rows } = await sealStatement(await chainHead(db), batchSize).execute(db);
  return rows[0]?.row_count ?? 0;
}

export async function chainHead(db: Db): Promise<Head> {
  const last = await db.selectFrom('audit_seals').select(['last_xid', 'last_id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last ? { xid: String(last.last_xid), id: Number(last.last_id), hash: last.hash } : { xid: '0', id: 0, hash: GENESIS_HASH };
}

/** The seal statement after `head` (exported for the test that checks what it reads). */
export function sealStatement(head: Head, batchSize: number) {
  return sql<{ row_count: number }>`
    with batch as (
      select e.xid, e.id, e.hash from audit_events e
      where (e.xid, e.id) > (${head.xid}::xid8, ${head.id}::bigint) and e.xid < pg_snapshot_xmin(pg_current_snapshot())
      order by e.xid, e.id limit ${batchSize})
    insert into audit_seals (last_xid, last_id, row_count, prev_hash, hash)
    select (array_agg(b.xid order by b.xid desc, b.id desc))[1], (array_agg(b.id order by b.xid desc, b.id desc))[1],
      count(*), ${head.hash}::bytea,
      sha256(${head.hash}::bytea || int4send(count(*)::int) || string_agg(int8send(b.id) || b.hash, ''::bytea order by b.xid, b.id))
    from batch b
    having count(*) > 0
    returning row_count`;
}

/**
 * Seals inside the server every `everyMs`. Several servers on one database take turns through
 * the election. Returns a stop function that resolves when a run in progress ends.
 */
export function startAuditSealer(db: Db, log: Pick<FastifyBaseLogger, 'error'>, everyMs = 1000): () => Promise<void> {
  return runInBackground(() => sealAuditEvents(db), log, 'audit seal', everyMs);
}
