import { randomUUID } from 'node:crypto';
import { systemAuditActor, writeAudit } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import { removeIdentity } from '../persons/identity.repository.js';
import { swedishToday } from '../persons/today.js';
import { identityRules, lockRetention, personsDue, recordRun } from './retention.repository.js';

export type RetentionOptions = { dryRun?: boolean; today?: string };

export type RetentionResult = {
  runId: string | null;
  dryRun: boolean;
  today: string;
  items: { organisationId: string; organisationCode: string; recordType: 'person_identity'; keepYears: number; removed: number }[];
  totalRemoved: number;
};

/**
 * Retention (gallring, data-protection model 8). For each organisation controlling persons,
 * removes the identity of persons whose last entry is older than its rule for 'person_identity'
 * (5 years without one), keeping every anonymous fact the figures are built from, so figures for
 * past periods do not change. Audit rows are never removed here (model 6: they outlive the
 * records; the table refuses deletes anyway).
 *
 * One transaction per organisation: the removal, its `retention_runs` row (counts only, never
 * the removed data) and one audit event per person commit together. Idempotent: a person whose
 * identity is gone is not due again, so a second run removes nothing and records zero. A dry
 * run reads only: it writes neither changes nor a run record.
 */
export async function runRetention(db: Db, options: RetentionOptions = {}): Promise<RetentionResult> {
  const dryRun = options.dryRun ?? false;
  const today = options.today ?? swedishToday();
  const runId = dryRun ? null : randomUUID();
  const items: RetentionResult['items'] = [];
  for (const rule of await identityRules(db)) {
    const removed = dryRun
      ? (await personsDue(db, rule.organisationId, rule.keepYears, today)).length
      : await db.transaction().execute(async (trx) => {
          await lockRetention(trx);
          const due = await personsDue(trx, rule.organisationId, rule.keepYears, today);
          const personIds = await removeIdentity(trx, due);
          const recordType = 'person_identity';
          await recordRun(trx, { runId: runId!, today, organisationId: rule.organisationId, recordType, keepYears: rule.keepYears, removed: personIds.length });
          // Last in the transaction: the audit chain serialises appenders until commit.
          await writeAudit(
            trx,
            systemAuditActor('retention'),
            personIds.map((personId) => ({ action: 'delete' as const, entity: 'person' as const, personId, details: { cause: 'retention', runId } })),
          );
          return personIds.length;
        });
    items.push({ organisationId: rule.organisationId, organisationCode: rule.code, recordType: 'person_identity', keepYears: rule.keepYears, removed });
  }
  return { runId, dryRun, today, items, totalRemoved: items.reduce((sum, item) => sum + item.removed, 0) };
}
