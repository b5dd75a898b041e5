// CSV import (domain.md, "CSV import"): a file is imported entirely or not at all, in one
// transaction; every error is listed by row, column and reason; a dry run does all of it, database
// checks included, and rolls back; a file already imported (same sha256) changes nothing.
import { sql } from 'kysely';
import { parseCsv, type CsvTable } from '../../core/import/csv.js';
import { ImportError, sortErrors, type RowError } from '../../core/import/errors.js';
import { writeAudit } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import { importActivityTable } from './activity-import.service.js';
import { importEnrolmentTable } from './enrolment-import.service.js';
import { findBatch, lockImports, recordBatch, sha256, type ImportKind } from './import-batch.repository.js';
import type { ImportOptions, ImportResult, StepResult } from './import.types.js';
import { importInterventionTable } from './intervention-import.service.js';
import { importOrganisationTable } from './organisation-import.service.js';

export type { ImportKind } from './import-batch.repository.js';
export type { ImportCounts, ImportOptions, ImportResult, ImportSummary } from './import.types.js';

/** The file as bytes (hashed as given) or as text (hashed as UTF-8). */
export type ImportInput = string | Uint8Array;

type Step = (db: Db, table: CsvTable, opts: ImportOptions) => Promise<StepResult>;

const steps: Record<ImportKind, Step> = {
  organisations: importOrganisationTable,
  interventions: importInterventionTable,
  enrolments: importEnrolmentTable,
  activities: importActivityTable,
};

export const importOrganisations = (db: Db, input: ImportInput, opts: ImportOptions) =>
  runImport(db, 'organisations', input, opts);
export const importInterventions = (db: Db, input: ImportInput, opts: ImportOptions) =>
  runImport(db, 'interventions', input, opts);
export const importEnrolments = (db: Db, input: ImportInput, opts: ImportOptions) =>
  runImport(db, 'enrolments', input, opts);

export async function runImport(db: Db, kind: ImportKind, input: ImportInput, opts: ImportOptions): Promise<ImportResult> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const fileSha256 = sha256(bytes);
  let table: CsvTable;
  try {
    // Lenient decoding on purpose: parseCsv turns the U+FFFD of non-UTF-8 bytes into a row error.
    table = parseCsv(typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input));
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: error.errors };
    throw error;
  }
  const rows = table.records.length;
  return inTransaction(db, async (trx) => {
    await lockImports(trx);
    const previous = await findBatch(trx, kind, fileSha256);
    if (previous) {
      const result = { ok: true as const, dryRun: opts.dryRun, alreadyImported: true, created: 0, updated: 0, anonymous: 0 };
      return { rollback: true, result: { ...result, unchanged: previous.row_count, rows: previous.row_count } };
    }
    // The rows are written in a savepoint and undone on errors or a dry run, but the import
    // itself, and every attempt on a person out of scope, is audited either way (finding 4).
    await sql`savepoint stegvis_import_rows`.execute(trx);
    const step = await steps[kind](trx, table, opts);
    const ok = step.errors.length === 0;
    await sql.raw(ok && !opts.dryRun ? 'release savepoint stegvis_import_rows' : 'rollback to savepoint stegvis_import_rows').execute(trx);
    if (ok && !opts.dryRun) await recordBatch(trx, { kind, fileSha256, rowCount: rows, userId: opts.userId ?? null });
    await writeAudit(trx, opts.audit, [
      ...(ok && !opts.dryRun ? step.audit : []),
      ...step.denied,
      { action: 'create', entity: 'import', details: { kind, rows, dryRun: opts.dryRun, ...(ok ? step.counts : { errors: step.errors.length }) } },
    ]);
    if (!ok) return { rollback: false, result: { ok: false, errors: uniqueErrors(step.errors) } };
    return { rollback: false, result: { ok: true, dryRun: opts.dryRun, alreadyImported: false, ...step.counts, rows } };
  });
}

function uniqueErrors(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return sortErrors(errors).filter((e) => {
    const key = `${e.row}\u0000${e.column}\u0000${e.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

class Rollback {
  constructor(readonly result: ImportResult) {}
}

/**
 * Runs `work` in a transaction of its own, or in a savepoint when `db` already is one (the demo
 * loads all its files in one transaction), and rolls back when it asks to.
 */
async function inTransaction(
  db: Db,
  work: (trx: Db) => Promise<{ rollback: boolean; result: ImportResult }>,
): Promise<ImportResult> {
  if (db.isTransaction) {
    await sql`savepoint stegvis_import`.execute(db);
    try {
      const { rollback, result } = await work(db);
      await sql.raw(rollback ? 'rollback to savepoint stegvis_import' : 'release savepoint stegvis_import').execute(db);
      return result;
    } catch (error) {
      await sql`rollback to savepoint stegvis_import`.execute(db);
      throw error;
    }
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const { rollback, result } = await work(trx);
      if (rollback) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
