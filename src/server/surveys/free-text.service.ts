import { surveyResultsAccess } from '../access/survey-policy.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { questionsOf } from './questionnaire.repository.js';
import { freeTextsOf, questionnaireIdsOf, setTextHidden } from './results.repository.js';

// Free-text answers (issue 13, build 5): person data of the controlling organisation, listed for
// its staff working in the intervention only, every read audited per person. A text that names
// someone is hidden before it can appear in any report; hiding is audited and can be undone.

async function mayRead(ctx: RequestContext, trx: RequestContext['db'], interventionId: string) {
  const access = await surveyResultsAccess(trx, ctx.actor, interventionId);
  return access?.readFreeText === true;
}

export async function listFreeTexts(ctx: RequestContext, interventionId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await mayRead(ctx, trx, interventionId))) {
      await writeAudit(trx, ctx.audit, [{ action: 'list', entity: 'survey_response', outcome: 'denied', details: { interventionId, freeText: true } }]);
      return null;
    }
    const rows = await freeTextsOf(trx, interventionId);
    const texts = new Map<string, string>();
    for (const { questionnaire_id } of await questionnaireIdsOf(trx, interventionId)) {
      const ids = [...new Set(rows.map((r) => r.question_id))];
      for (const q of await questionsOf(trx, questionnaire_id, { ids })) texts.set(q.id, q.texts.sv?.text ?? q.key);
    }
    await writeAudit(trx, ctx.audit, [
      { action: 'list', entity: 'survey_response', details: { interventionId, freeText: true, count: rows.length } },
      ...rows.filter((r) => r.person_id).map((r) => ({ action: 'read' as const, entity: 'survey_response' as const, personId: r.person_id, enrolmentId: r.enrolment_id })),
    ]);
    return {
      items: rows.map((r) => ({ responseId: r.response_id, questionId: r.question_id, question: texts.get(r.question_id) ?? '', variant: r.variant, text: r.free_text, hidden: r.hidden_at !== null })),
    };
  });
}

export async function hideFreeText(ctx: RequestContext, interventionId: string, input: { responseId: string; questionId: string; hidden: boolean }) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = (await mayRead(ctx, trx, interventionId)) ? await setTextHidden(trx, interventionId, input, input.hidden, ctx.actor.userId) : undefined;
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'survey_response', outcome: 'denied', details: { interventionId, hidden: input.hidden } }]);
      return null;
    }
    await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'survey_response', personId: row.person_id, enrolmentId: row.enrolment_id, details: { hidden: input.hidden } }]);
    return { hidden: input.hidden };
  });
}
