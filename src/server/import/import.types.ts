import type { RowError } from '../../core/import/errors.js';
import type { DataScope } from '../access/data-scope.js';
import type { AuditActor, AuditEntry } from '../audit/audit.js';

export type { RowError };

export type ImportOptions = {
  /** Validate everything against the database, write, and roll back. */
  dryRun: boolean;
  audit: AuditActor;
  /** Recorded on import_batches. */
  userId?: string | null;
  /** Whose rights the import writes with: the caller's, or the system's with a stated reason (access/import-policy.ts). */
  scope: DataScope;
};

export type ImportCounts = {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows stored as anonymous registrations (enrolments only). */
  anonymous: number;
};

export type ImportSummary = ImportCounts & {
  ok: true;
  dryRun: boolean;
  /** The same bytes were imported before, so nothing was changed. */
  alreadyImported: boolean;
  /** Data rows in the file. */
  rows: number;
};

export type ImportResult = ImportSummary | { ok: false; errors: RowError[] };

/** What one kind's step reports: errors (then nothing was written) or counts and audit entries. */
export type StepResult = {
  errors: RowError[];
  counts: ImportCounts;
  /** Written only when the rows are. */
  audit: AuditEntry[];
  /** Attempts on persons out of the caller's scope: written whatever the outcome. */
  denied: AuditEntry[];
};

export const noCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, anonymous: 0 });
