import { distribution } from '../../core/surveys/distribution.js';
import { pageTexts } from '../../core/surveys/page-texts.js';
import { categoriesOf, genderKey, ordinalRange, type SurveyVariant } from '../../core/surveys/questionnaire.js';
import { stepChange, type OrdinalAnswer } from '../../core/surveys/step-change.js';
import { suppressTable } from '../../core/suppression.js';
import { surveyResultsAccess } from '../access/survey-policy.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { questionsOf, type StoredQuestion } from './questionnaire.repository.js';
import { choiceAnswersOf, questionnaireIdsOf, responseCounts } from './results.repository.js';

// Results of an intervention's surveys for staff (issue 13, build 5): per question the
// distribution by gender and total, stegförflyttning from start to exit, and response rates per
// sending type; suppressed for readers outside the controlling organisation.

type Threshold = { suppress: boolean; threshold: number };

export async function surveyResults(ctx: RequestContext, interventionId: string, variant: SurveyVariant | undefined, threshold: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await surveyResultsAccess(trx, ctx.actor, interventionId);
    if (!access) {
      await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'survey_results', outcome: 'denied', details: { interventionId } }]);
      return null;
    }
    const intervention = await trx.selectFrom('interventions').select(['id', 'code', 'name']).where('id', '=', interventionId).executeTakeFirstOrThrow();
    const options: Threshold = { suppress: access.mustSuppress, threshold };
    const results = await questionResults(trx, interventionId, variant, options);
    await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'survey_results', details: { interventionId, variant: variant ?? null, suppressed: access.mustSuppress } }]);
    return {
      intervention,
      suppressed: access.mustSuppress,
      responseRates: await rates(trx, interventionId, options),
      questions: results,
      can: { readFreeText: access.readFreeText, createLink: access.createLink },
    };
  });
}

/** Each choice question's answer distribution and, for ordinal ones, its stegförflyttning (all answers to date). */
async function questionResults(db: Db, interventionId: string, variant: SurveyVariant | undefined, options: Threshold) {
  const answers = await choiceAnswersOf(db, interventionId);
  const questions = await answeredQuestions(db, interventionId, [...new Set(answers.map((a) => a.question_id))]);
  const shown = variant ? answers.filter((a) => a.variant === variant) : answers;
  const gender = (g: string | null) => (g === 'woman' || g === 'man' || g === 'other' ? g : null);
  const results = questions
    .filter((q) => q.kind !== 'text' && q.key !== genderKey)
    .map((q) => {
      const mine = shown.filter((a) => a.question_id === q.id);
      const categories = categoriesOf(q);
      const d = distribution(categories, mine.map((a) => ({ gender: gender(a.gender), categories: a.value !== null ? [String(a.value)] : (a.choices ?? []) })), options);
      const ordinal = ordinalRange(q)
        ? stepChange(
            answers
              .filter((a) => a.question_id === q.id && a.enrolment_id !== null && a.value !== null)
              .map((a): OrdinalAnswer => ({ participant: a.enrolment_id!, variant: a.variant as SurveyVariant, at: new Date(a.submitted_at).toISOString(), value: a.value! })),
            options,
          )
        : null;
      return {
        id: q.id,
        key: q.key,
        version: q.version,
        kind: q.kind,
        text: q.texts.sv?.text ?? q.key,
        categories: d.categories.map((c, i) => ({ ...c, label: labelOf(q, categories[i]) })),
        respondents: d.respondents,
        stepChange: ordinal && { pairs: ordinal.pairs, improved: ordinal.improved, same: ordinal.same, worse: ordinal.worse, shares: ordinal.shares },
      };
    });
  return results;
}

/**
 * The survey's stegförflyttning per question as a report leaving the controlling organisation
 * shows it (suppressed, aggregates only): the overview a report document carries (issue 13).
 */
export async function surveyOverviewSuppressed(db: Db, interventionId: string, threshold: number) {
  const results = await questionResults(db, interventionId, undefined, { suppress: true, threshold });
  return results.filter((q) => q.stepChange !== null).map((q) => ({ text: q.text, stepChange: q.stepChange! }));
}

/** The current questions and every version that has answers, in questionnaire order. */
async function answeredQuestions(db: Db, interventionId: string, answeredIds: string[]): Promise<StoredQuestion[]> {
  const all = new Map<string, StoredQuestion>();
  for (const { questionnaire_id } of await questionnaireIdsOf(db, interventionId)) {
    for (const q of [...(await questionsOf(db, questionnaire_id)), ...(await questionsOf(db, questionnaire_id, { ids: answeredIds }))]) all.set(q.id, q);
  }
  return [...all.values()].sort((a, b) => a.position - b.position || a.version - b.version);
}

function labelOf(q: StoredQuestion, code: string): string {
  const sv = pageTexts.sv;
  if (q.kind === 'frequency' || q.kind === 'extent') return sv[q.kind][Number(code) - 1];
  if (q.kind === 'yes_no') return code === 'yes' ? sv.yes : sv.no;
  const index = q.options?.indexOf(code) ?? -1;
  return index >= 0 ? (q.texts.sv?.options?.[index] ?? code) : code;
}

async function rates(db: Db, interventionId: string, options: Threshold) {
  const { sent, anonymous } = await responseCounts(db, interventionId);
  return (['start', 'during', 'exit'] as const).map((variant) => {
    const row = sent.find((s) => s.variant === variant) ?? { sent: 0, answered: 0 };
    const anon = anonymous.find((a) => a.variant === variant)?.count ?? 0;
    if (!options.suppress) return { variant, sent: row.sent, answered: row.answered, rate: row.sent ? row.answered / row.sent : null, anonymous: anon };
    // Answered and not answered as one small table, so neither follows from the other and the total.
    const mask = suppressTable({ rows: [[row.answered, row.sent - row.answered]] }, options.threshold);
    const answered = mask.rows[0][0] ? null : row.answered;
    const total = mask.total ? null : row.sent;
    return { variant, sent: total, answered, rate: answered !== null && total ? answered / total : null, anonymous: anon > 0 && anon < options.threshold ? null : anon };
  });
}
