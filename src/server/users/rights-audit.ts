import { writeAudit, type AuditAction } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError } from '../errors.js';

/**
 * What an audit event of a change of rights says: the target user and their organisation
 * (userId, userOrgId: log review scopes and filters on these, audit/log-review.repository.ts),
 * the role and what it is held on, changed fields. Ids, roles and flags only: never a password,
 * an e-mail address or a name.
 */
export type RightsDetails = Record<string, string | number | boolean | null | string[]>;

/**
 * A change of users, roles or assignments (security finding 2): `change` runs in one transaction
 * with its audit event, so a change is never committed without its record. `change` fills
 * `details` in as it learns the target. A refusal (an AppError from `change`) is audited as denied
 * with the reason, in a transaction of its own that commits before the answer is sent.
 */
export async function auditedChange<T>(
  ctx: RequestContext,
  action: AuditAction,
  entity: 'user' | 'assignment',
  details: RightsDetails,
  change: (trx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const result = await change(trx);
      await writeAudit(trx, ctx.audit, [{ action, entity, details }]);
      return result;
    });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      await writeAudit(ctx.db, ctx.audit, [{ action, entity, outcome: 'denied', details: { ...details, reason: error.code } }]);
    }
    throw error;
  }
}
