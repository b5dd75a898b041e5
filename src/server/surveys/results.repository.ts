import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

// Survey answers of an intervention, read for results. Callers have decided access
// (access/survey-policy.ts): these read whole interventions, never one person.

/** Every scale and choice answer (no free text), with the response's variant, enrolment and the gender answered. */
export function choiceAnswersOf(db: Db, interventionId: string) {
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
    .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
    .select([
      'a.question_id',
      'a.value',
      'a.choices',
      'r.id as response_id',
      'r.variant',
      'r.enrolment_id',
      'r.submitted_at',
      sql<string | null>`(select g.choices[1] from survey_answers g join survey_questions gq on gq.id = g.question_id
        where g.response_id = r.id and gq.key = 'gender')`.as('gender'),
    ])
    .where('r.intervention_id', '=', interventionId)
    .where('q.kind', '<>', 'text')
    .execute();
}

/** The scale answers of personal responses to one question, every version of it (by its key). */
export function ordinalAnswersOfKey(db: Db, interventionId: string, key: string) {
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
    .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
    .select(['a.question_id', 'a.value', 'r.variant', 'r.enrolment_id', 'r.submitted_at'])
    .where('r.intervention_id', '=', interventionId)
    .where('q.key', '=', key)
    .where('r.enrolment_id', 'is not', null)
    .where('a.value', 'is not', null)
    .execute();
}

export function questionnaireIdsOf(db: Db, interventionId: string) {
  return db.selectFrom('survey_responses').select('questionnaire_id').distinct().where('intervention_id', '=', interventionId).execute();
}

/** Sent and answered personal links, and anonymous answers, per variant. */
export async function responseCounts(db: Db, interventionId: string) {
  const sent = await db
    .selectFrom('survey_sendings')
    .select(['variant', sql<number>`count(*)::int`.as('sent'), sql<number>`count(answered_at)::int`.as('answered')])
    .where('intervention_id', '=', interventionId)
    .groupBy('variant')
    .execute();
  const anonymous = await db
    .selectFrom('survey_responses')
    .select(['variant', sql<number>`count(*)::int`.as('count')])
    .where('intervention_id', '=', interventionId)
    .where('link_id', 'is not', null)
    .groupBy('variant')
    .execute();
  return { sent, anonymous };
}

/** Free-text answers with the person they belong to (null when anonymous), for the controller's staff. */
export function freeTextsOf(db: Db, interventionId: string) {
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
    .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
    .select(['a.response_id', 'a.question_id', 'a.free_text', 'a.hidden_at', 'r.variant', 'r.person_id', 'r.enrolment_id', 'q.position'])
    .where('r.intervention_id', '=', interventionId)
    .where('a.free_text', 'is not', null)
    .orderBy('q.position')
    .orderBy('r.submitted_at')
    .orderBy('a.response_id')
    .execute();
}

/** Hides or shows one free-text answer of the intervention; the row's person, or undefined when it is not there. */
export async function setTextHidden(db: Db, interventionId: string, key: { responseId: string; questionId: string }, hidden: boolean, userId: string) {
  const row = await db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
    .select(['r.person_id', 'r.enrolment_id'])
    .where('a.response_id', '=', key.responseId)
    .where('a.question_id', '=', key.questionId)
    .where('r.intervention_id', '=', interventionId)
    .where('a.free_text', 'is not', null)
    .executeTakeFirst();
  if (!row) return undefined;
  await db
    .updateTable('survey_answers')
    .set({ hidden_at: hidden ? new Date() : null, hidden_by_user_id: hidden ? userId : null })
    .where('response_id', '=', key.responseId)
    .where('question_id', '=', key.questionId)
    .execute();
  return row;
}
