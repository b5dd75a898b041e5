import { createHash, type Hash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { GENESIS_HASH } from './audit-sealer.js';

export type ChainResult =
  | {
      ok: true;
      /** Events checked (sealed and unsealed). */
      count: number;
      seals: number;
      /** Events after the last seal; `staleUnsealed` of them older than a minute (the sealer is not running). */
      unsealed: number;
      staleUnsealed: number;
      /** The newest seal, to note elsewhere: rewriting the log from there on changes it. */
      lastSeal: { id: number; hash: string } | null;
    }
  /** 'hash': the event's content does not match its hash (the row was changed). `count` events before it are intact. */
  | { ok: false; reason: 'hash'; brokenId: number; count: number }
  /** 'seal': the events a seal covers are not those it sealed (one removed, inserted or rewritten);
   *  'link': the seal does not follow the seal before it (a seal removed or rewritten). */
  | { ok: false; reason: 'seal' | 'link'; sealId: number; count: number };

type Row = { id: number; xid: string; hash: Buffer; content_ok: boolean; stale: boolean };
type Seal = { id: number; last_xid: string; last_id: number; row_count: number; prev_hash: Buffer; hash: Buffer };
type Key = [bigint, number];

const after = (a: Key, b: Key) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
// As PostgreSQL's int4send and int8send write them (big-endian), for the seal's hash.
const int4 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int8 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

async function* seals(db: Db, batchSize: number): AsyncGenerator<Seal> {
  let last = 0;
  for (;;) {
    const page = await db.selectFrom('audit_seals').selectAll().where('id', '>', last).orderBy('id').limit(batchSize).execute();
    yield* page.map((s) => ({ ...s, id: Number(s.id) }));
    if (page.length < batchSize) return;
    last = Number(page.at(-1)!.id);
  }
}

async function* events(db: Db, batchSize: number): AsyncGenerator<Row[]> {
  let cursor: [string, number] = ['0', 0];
  for (;;) {
    const { rows } = await sql<Row>`
      select e.id, e.xid::text as xid, e.hash, e.hash = sha256(audit_event_content(e)) as content_ok,
        e.at < now() - interval '1 minute' as stale
      from audit_events e where (e.xid, e.id) > (${cursor[0]}::xid8, ${cursor[1]}) order by e.xid, e.id limit ${batchSize}`.execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    cursor = [rows.at(-1)!.xid, Number(rows.at(-1)!.id)];
  }
}

/**
 * Checks the audit trail (data-protection model 6: tamper evidence): every event's content hash
 * is recomputed by the database with the trigger's audit_event_content(), and every seal is
 * recomputed here over the events it covers, in the sealer's (xid, id) order. Streams in batches,
 * so millions of rows need no more memory than one batch.
 */
export async function verifyAuditChain(
  db: Db,
  options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainResult> {
  const batchSize = options.batchSize ?? 10_000;
  const sealIterator = seals(db, batchSize);
  let prevHash: Buffer = GENESIS_HASH;
  let sealCount = 0;
  let count = 0;
  // The seal the next events belong to (null: none left, the rest is unsealed).
  const at: { open: { seal: Seal; end: Key; hasher: Hash; n: number } | null } = { open: null };
  let unsealed = 0;
  let staleUnsealed = 0;
  let lastSeal: Seal | null = null;

  type Broken = Extract<ChainResult, { ok: false }>;
  const nextSeal = async (): Promise<Broken | null> => {
    const { value: seal, done } = await sealIterator.next();
    at.open = null;
    if (done) return null;
    if (!seal.prev_hash.equals(prevHash)) return { ok: false, reason: 'link', sealId: seal.id, count };
    const hasher = createHash('sha256').update(seal.prev_hash).update(int4(seal.row_count));
    at.open = { seal, end: [BigInt(seal.last_xid), Number(seal.last_id)], hasher, n: 0 };
    return null;
  };
  const closeSeal = async (): Promise<Broken | null> => {
    const { seal, hasher, n } = at.open!;
    if (n !== seal.row_count || !hasher.digest().equals(seal.hash)) return { ok: false, reason: 'seal', sealId: seal.id, count };
    prevHash = seal.hash;
    lastSeal = seal;
    sealCount += 1;
    return nextSeal();
  };

  /** Closes every open seal that ends before `key` (all of them without a key). */
  const closeBefore = async (key: Key | null): Promise<Broken | null> => {
    while (at.open && (key === null || after(key, at.open.end))) {
      const broken = await closeSeal();
      if (broken) return broken;
    }
    return null;
  };

  const first = await nextSeal();
  if (first) return first;
  for await (const rows of events(db, batchSize)) {
    for (const row of rows) {
      const key: Key = [BigInt(row.xid), Number(row.id)];
      if (!row.content_ok) return { ok: false, reason: 'hash', brokenId: Number(row.id), count };
      const skipped = await closeBefore(key);
      if (skipped) return skipped;
      const open = at.open;
      if (open) {
        open.hasher.update(int8(Number(row.id))).update(row.hash);
        open.n += 1;
      } else {
        unsealed += 1;
        if (row.stale) staleUnsealed += 1;
      }
      count += 1;
      // A seal ends at its last row: close it there, so a missing next row is not needed.
      if (open && !after(open.end, key)) {
        const broken = await closeSeal();
        if (broken) return broken;
      }
    }
    options.onProgress?.(count);
  }
  // A seal still open lost its last events.
  const unfinished = await closeBefore(null);
  if (unfinished) return unfinished;
  const newest = lastSeal as Seal | null;
  return {
    ok: true,
    count,
    seals: sealCount,
    unsealed,
    staleUnsealed,
    lastSeal: newest ? { id: newest.id, hash: newest.hash.toString('hex') } : null,
  };
}
