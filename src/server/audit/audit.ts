import { sql, type Kysely } from 'kysely';
import { prepared } from '../db/prepared.js';
import { ROWS_PER_STATEMENT } from '../db/statement-size.js';
import type { Database } from '../db/types.js';
import { AuditGroupCommit } from './audit-group-commit.js';

export type { AuditAction, AuditEntity } from '../../core/audit-labels.js';
import type { AuditAction, AuditEntity } from '../../core/audit-labels.js';

export type AuditEntry = {
  action: AuditAction;
  entity: AuditEntity;
  personId?: string | null;
  enrolmentId?: string | null;
  outcome?: 'allowed' | 'denied';
  details?: Record<string, unknown>;
};

/** Who is acting, as the audit trail records it. The CLI acts as the system. */
export type AuditActor = {
  userId: string | null;
  organisationId: string | null;
  role: string | null;
  requestId: string | null;
  purpose: string | null;
  /** Set only by the benchmark runner (config.auditDisabledForBenchmark): nothing is written. */
  disabledForBenchmark?: boolean;
};

/**
 * Writes audit events (data-protection model 6). Call it with the same transaction as the access
 * it records, so an access is never committed without its record. Outside a transaction (reads,
 * refusals) the rows of requests that finish together share one commit (audit-group-commit.ts),
 * and the call returns only once they are committed, or throws.
 */
export async function writeAudit(db: Kysely<Database>, who: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0 || who.disabledForBenchmark === true) return;
  const rows = entries.map((entry) => ({ who, entry }));
  if (db.isTransaction) return insertRows(db, rows);
  let group = groupCommits.get(db);
  if (!group) {
    group = new AuditGroupCommit(db, insertRows, ROWS_PER_STATEMENT);
    groupCommits.set(db, group);
  }
  return group.write(rows);
}

type AuditRow = { who: AuditActor; entry: AuditEntry };

const groupCommits = new WeakMap<Kysely<Database>, AuditGroupCommit<AuditRow>>();

/** An import's 100,000 events go 10,000 a statement; a request's in one. */
async function insertRows(db: Kysely<Database>, rows: AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await insertStatement(db, rows.slice(i, i + ROWS_PER_STATEMENT));
}

// One statement text for any number of rows, each column as one array, prepared, so PostgreSQL
// plans it once per connection.
async function insertStatement(db: Kysely<Database>, rows: AuditRow[]): Promise<void> {
  const column = <T>(get: (row: AuditRow) => T) => rows.map(get);
  await sql`insert into audit_events
      (request_id, actor_user_id, actor_org_id, actor_role, purpose, action, entity, person_id, enrolment_id, outcome, details)
    select * from unnest(${column((r) => r.who.requestId)}::text[], ${column((r) => r.who.userId)}::uuid[],
      ${column((r) => r.who.organisationId)}::uuid[], ${column((r) => r.who.role)}::text[], ${column((r) => r.who.purpose)}::text[],
      ${column((r) => r.entry.action)}::text[], ${column((r) => r.entry.entity)}::text[],
      ${column((r) => r.entry.personId ?? null)}::uuid[], ${column((r) => r.entry.enrolmentId ?? null)}::uuid[],
      ${column((r) => r.entry.outcome ?? 'allowed')}::text[],
      ${column((r) => (r.entry.details ? JSON.stringify(r.entry.details) : null))}::jsonb[]) ${prepared}`.execute(db);
}

export const systemAuditActor = (purpose: string): AuditActor => ({
  userId: null,
  organisationId: null,
  role: 'system',
  requestId: null,
  purpose,
});
