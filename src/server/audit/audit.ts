import type { Kysely } from 'kysely';
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
  const rows = entries.map((entry) => ({
    request_id: who.requestId,
    actor_user_id: who.userId,
    actor_org_id: who.organisationId,
    actor_role: who.role,
    action: entry.action,
    entity: entry.entity,
    person_id: entry.personId ?? null,
    enrolment_id: entry.enrolmentId ?? null,
    purpose: who.purpose,
    outcome: entry.outcome ?? ('allowed' as const),
    details: entry.details ? JSON.stringify(entry.details) : null,
  }));
  // PostgreSQL allows 65,535 parameters a statement; 11 columns a row.
  for (let i = 0; i < rows.length; i += 5000) {
    const insert = db.insertInto('audit_events').values(rows.slice(i, i + 5000));
    // A request's rows (up to a page of 200) as a prepared statement; an export's thousands planned once.
    await (rows.length <= 200 ? insert.modifyEnd(prepared) : insert).execute();
  }
}

export const systemAuditActor = (purpose: string): AuditActor => ({
  userId: null,
  organisationId: null,
  role: 'system',
  requestId: null,
  purpose,
});
