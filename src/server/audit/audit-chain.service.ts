import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

/** prev_hash of the first row (migration 2026-11-22-0300-audit-chain). */
export const GENESIS_HASH = Buffer.alloc(32);

export type ChainResult =
  | { ok: true; count: number; lastId: number | null }
  /** `reason` 'hash': the row's content does not match its hash (the row was changed);
   *  'link': its prev_hash is not the previous row's hash (a row before it was removed,
   *  inserted or rewritten with a new hash). `count` is the number of intact rows before it. */
  | { ok: false; count: number; brokenId: number; reason: 'hash' | 'link' };

type Batch = { n: number; last_id: number | null; last_hash: Buffer | null; bad_id: number | null; bad_link_ok: boolean | null };

/**
 * Checks the whole audit chain in id order (data-protection model 6: tamper evidence), streaming
 * in batches so a table of millions of rows needs no more memory than one batch. The hashes are
 * recomputed by the database with the same audit_event_content() the insert trigger used, and
 * only a summary per batch travels back.
 */
export async function verifyAuditChain(
  db: Db,
  options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainResult> {
  const batchSize = options.batchSize ?? 10_000;
  let after = 0;
  let prev: Buffer = GENESIS_HASH;
  let count = 0;
  let lastId: number | null = null;
  for (;;) {
    const { rows } = await sql<Batch>`
      with b as materialized (
        select id, hash,
          hash = sha256(prev_hash || content) as hash_ok,
          prev_hash = coalesce(lag(hash) over (order by id), ${prev}::bytea) as link_ok
        from (select e.id, e.hash, e.prev_hash, audit_event_content(e) as content
              from audit_events e where e.id > ${after} order by e.id limit ${batchSize}) s)
      select (select count(*) from b)::int as n,
        (select id from b order by id desc limit 1) as last_id,
        (select hash from b order by id desc limit 1) as last_hash,
        (select id from b where not (hash_ok and link_ok) order by id limit 1) as bad_id,
        (select link_ok from b where not (hash_ok and link_ok) order by id limit 1) as bad_link_ok`.execute(db);
    const batch = rows[0];
    if (batch.bad_id !== null) {
      const brokenId = Number(batch.bad_id);
      const before = await sql<{ n: number }>`
        select count(*)::int as n from audit_events where id > ${after} and id < ${brokenId}`.execute(db);
      return { ok: false, count: count + before.rows[0].n, brokenId, reason: batch.bad_link_ok ? 'hash' : 'link' };
    }
    if (batch.n === 0) return { ok: true, count, lastId };
    count += batch.n;
    after = lastId = Number(batch.last_id);
    prev = batch.last_hash!;
    options.onProgress?.(count);
  }
}
