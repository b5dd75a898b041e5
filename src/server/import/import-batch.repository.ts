// import_batches remembers every imported file by the sha256 of its bytes (domain.md: a file
// identical to one already imported changes nothing).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

export type ImportKind = 'organisations' | 'interventions' | 'enrolments' | 'activities';

// Imports run one at a time: two files naming the same new person or team would otherwise race
// on the unique constraints and one would fail with a database error instead of a row error.
const IMPORT_LOCK = 0x53544547; // 'STEG'

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Held until the transaction ends. */
export async function lockImports(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(db);
}

export async function findBatch(db: Db, kind: ImportKind, fileSha256: string) {
  return db
    .selectFrom('import_batches')
    .select(['id', 'row_count'])
    .where('kind', '=', kind)
    .where('file_sha256', '=', fileSha256)
    .executeTakeFirst();
}

export async function recordBatch(
  db: Db,
  batch: { kind: ImportKind; fileSha256: string; rowCount: number; userId: string | null },
): Promise<void> {
  await db
    .insertInto('import_batches')
    .values({ kind: batch.kind, file_sha256: batch.fileSha256, row_count: batch.rowCount, user_id: batch.userId })
    .execute();
}
