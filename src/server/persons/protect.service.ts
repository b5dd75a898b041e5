import { yearOf } from '../../core/dates.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { exitOpenEnrolments, findVisibleEnrolmentRef, latestOpenStart, removedFields, removeIdentity } from './identity.repository.js';
import { swedishToday } from './today.js';

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

/**
 * Data-protection model 5 (sekretessmarkering, skyddad folkbokföring): identity is removed at
 * once and can never be stored again (database CHECK), and the person becomes an anonymous
 * registration. How, so that no figure changes or counts twice:
 * - the enrolment rows stay as anonymous facts (gender, age at start, dates, reasons), so every
 *   past figure is unchanged; no anonymous_registrations row is added, which would count the
 *   same participation a second time;
 * - open enrolments are exited on `date` with `interrupted` (individual follow-up under this
 *   identity ends); an invisible open enrolment would otherwise count as active for ever;
 * - from then on no one sees the person at person level (access/scope.ts), and every audit event
 *   about them is flagged `protected` (audit_events trigger).
 * The participation is counted through the enrolment up to `date`, so continued participation
 * is registered anonymously from the following year (`anonymousFromYear`).
 * Any case worker who sees the record may protect it: delay puts the person at risk, and the
 * act only removes data.
 */
export async function protectPerson(ctx: RequestContext, enrolmentId: string, input: { date?: string }, today = swedishToday()) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const target = await findVisibleEnrolmentRef(trx, ctx.scope, enrolmentId);
    if (!target) {
      await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'person', enrolmentId, outcome: 'denied' }]);
      return null;
    }
    const date = input.date ?? today;
    if (date > today) throw badRequest(invalid, [{ path: 'date', message: 'Datumet kan inte vara senare än i dag' }]);
    const openStart = await latestOpenStart(trx, target.person_id, target.controller_org_id);
    if (openStart && date < openStart) {
      throw badRequest(invalid, [{ path: 'date', message: 'En pågående inskrivning började senare än detta datum. Ange ett senare datum' }]);
    }
    // Exit first: once marked, the database refuses any write that carries free text for them.
    const exited = await exitOpenEnrolments(trx, target.person_id, target.controller_org_id, date, 'interrupted');
    await removeIdentity(trx, [target.person_id], { protect: true });
    const personId = target.person_id;
    await writeAudit(trx, ctx.audit, [
      { action: 'update', entity: 'person', personId, enrolmentId, details: { change: 'protect', fields: removedFields } },
      ...exited.map((id) => ({
        action: 'exit' as const,
        entity: 'enrolment' as const,
        personId,
        enrolmentId: id,
        details: { reason: 'interrupted', cause: 'protected_identity' },
      })),
    ]);
    return { id: enrolmentId, exitedEnrolments: exited.length, anonymousFromYear: yearOf(date) + 1 };
  });
  if (!result) throw notFound();
  return result;
}
