import type { RowError } from '../../core/import/errors.js';
import type { AuditActor, AuditEntry } from '../audit/audit.js';

export type { RowError };

/**
 * Limits an import to what an API caller may touch. The CLI and the demo pass none and act as
 * the system. Enrolments: rows only in interventions (or teams) where the caller is case_worker,
 * and existing participants only when the caller's organisation controls them or is named in
 * their active consent. Interventions: only those the caller's organisation owns.
 */
export type ImportScope = {
  organisationId: string;
  interventionIds: readonly string[];
  teamIds: readonly string[];
};

export type ImportOptions = {
  /** Validate everything against the database, write, and roll back. */
  dryRun: boolean;
  audit: AuditActor;
  /** Recorded on import_batches. */
  userId?: string | null;
  scope?: ImportScope;
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
export type StepResult = { errors: RowError[]; counts: ImportCounts; audit: AuditEntry[] };

export const noCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, anonymous: 0 });
