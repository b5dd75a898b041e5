import { sql, type Kysely } from 'kysely';
import { prepared } from '../db/prepared.js';
import type { Database } from '../db/types.js';

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
 * it records, so an access is never committed without its record. A list writes all its rows in
 * one statement.
 */
export async function writeAudit(db: Kysely<Database>, who: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0 || who.disabledForBenchmark === true) return;
  // One statement text for any number of rows: what the request shares travels once, each
  // per-row column as one array. Prepared, so PostgreSQL plans it once per connection. An import's
  // 100,000 events go 10,000 a statement.
  for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) await insertEvents(db, who, entries.slice(i, i + ROWS_PER_STATEMENT));
}

const ROWS_PER_STATEMENT = 10_000;

async function insertEvents(db: Kysely<Database>, who: AuditActor, entries: AuditEntry[]): Promise<void> {
  const column = <T>(get: (entry: AuditEntry) => T) => entries.map(get);
  await sql`insert into audit_events
      (request_id, actor_user_id, actor_org_id, actor_role, purpose, action, entity, person_id, enrolment_id, outcome, details)
    select ${who.requestId}::text, ${who.userId}::uuid, ${who.organisationId}::uuid, ${who.role}::text, ${who.purpose}::text,
      v.action, v.entity, v.person_id, v.enrolment_id, v.outcome, v.details
    from unnest(${column((e) => e.action)}::text[], ${column((e) => e.entity)}::text[],
      ${column((e) => e.personId ?? null)}::uuid[], ${column((e) => e.enrolmentId ?? null)}::uuid[],
      ${column((e) => e.outcome ?? 'allowed')}::text[], ${column((e) => (e.details ? JSON.stringify(e.details) : null))}::jsonb[])
      as v(action, entity, person_id, enrolment_id, outcome, details) ${prepared}`.execute(db);
}

export const systemAuditActor = (purpose: string): AuditActor => ({
  userId: null,
  organisationId: null,
  role: 'system',
  requestId: null,
  purpose,
});
