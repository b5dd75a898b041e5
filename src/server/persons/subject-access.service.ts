import { mayAnswerSubjectAccess } from '../access/person-rules.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors.js';
import { presentSubjectAccess } from './subject-access.presenter.js';
import { codeLabels, findPersonController, loadSubjectAccess } from './subject-access.repository.js';
import { caseRecordsOf } from './subject-access-case.repository.js';

/**
 * GDPR art. 15: everything stored about one person and who accessed it, produced by the
 * controller only (an org_admin or log_reviewer of the controlling organisation). Anyone else is
 * answered "not found" (data-protection model 4). Audited as an export, refusals included, in the
 * same transaction as the read (model 6); the trigger flags it `protected` where that applies.
 */
export async function subjectAccess(ctx: RequestContext, personId: string, format: 'json' | 'pdf') {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonController(trx, personId);
    if (!person || !mayAnswerSubjectAccess(ctx.actor, person.controller_org_id)) {
      await writeAudit(trx, ctx.audit, [{ action: 'export', entity: 'person', personId, outcome: 'denied', details: { kind: 'subject_access', format } }]);
      return null;
    }
    const rows = await loadSubjectAccess(trx, personId);
    const caseRecords = await caseRecordsOf(trx, personId, person.controller_org_id);
    const labels = format === 'pdf' ? await codeLabels(trx) : new Map<string, string>();
    await writeAudit(trx, ctx.audit, [{ action: 'export', entity: 'person', personId, details: { kind: 'subject_access', format } }]);
    return { report: presentSubjectAccess(rows, caseRecords, new Date()), labels };
  });
  if (!result) throw notFound();
  return result;
}
