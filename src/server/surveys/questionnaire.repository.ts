import { sql } from 'kysely';
import { builtInCode } from '../../core/surveys/built-in.js';
import type { SurveyLanguage } from '../../core/surveys/languages.js';
import type { Question, QuestionDefinition, QuestionKind, QuestionText, SurveyVariant } from '../../core/surveys/questionnaire.js';
import type { Db } from '../db/connection.js';

// Questionnaires, their questions per version and the questions' texts per language. No
// participant data here (access/personal-data.ts, noParticipantData).

export type StoredQuestion = Question & { position: number; retired: boolean; texts: Partial<Record<SurveyLanguage, QuestionText>> };

export function findQuestionnaire(db: Db, id: string) {
  return db.selectFrom('questionnaires').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
}

export function builtInQuestionnaire(db: Db) {
  return db.selectFrom('questionnaires').select(['id', 'code', 'name']).where('code', '=', builtInCode).executeTakeFirstOrThrow();
}

export function listQuestionnaires(db: Db) {
  return db.selectFrom('questionnaires').select(['id', 'code', 'name']).orderBy('name').execute();
}

/** The current version of each question (or the given versions, retired ones included), in order, with their texts. */
export async function questionsOf(db: Db, questionnaireId: string, options: { ids?: string[] } = {}): Promise<StoredQuestion[]> {
  let query = db.selectFrom('survey_questions').selectAll().where('questionnaire_id', '=', questionnaireId);
  query = options.ids ? query.where(sql<boolean>`id = any(${options.ids}::uuid[])`) : query.where('retired_at', 'is', null);
  const rows = await query.orderBy('position').orderBy('version').execute();
  const texts = rows.length
    ? await db.selectFrom('survey_translations').selectAll().where(sql<boolean>`question_id = any(${rows.map((r) => r.id)}::uuid[])`).execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    version: row.version,
    position: row.position,
    kind: row.kind as QuestionKind,
    variants: row.variants as SurveyVariant[],
    ...(row.options && { options: row.options }),
    ...(row.range_min !== null && row.range_max !== null && { range: { min: row.range_min, max: row.range_max } }),
    retired: row.retired_at !== null,
    texts: Object.fromEntries(
      texts.filter((t) => t.question_id === row.id).map((t) => [t.language, { text: t.wording, ...(t.option_labels && { options: t.option_labels }) }]),
    ),
  }));
}

export async function saveTranslation(db: Db, questionId: string, language: SurveyLanguage, text: QuestionText, userId: string) {
  const values = { question_id: questionId, language, wording: text.text, option_labels: text.options ? [...text.options] : null, updated_by_user_id: userId };
  await db
    .insertInto('survey_translations')
    .values(values)
    .onConflict((oc) => oc.columns(['question_id', 'language']).doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/** The stored row of one version of a question. */
export function questionRow(questionnaireId: string, question: QuestionDefinition, version: number, position: number) {
  return {
    questionnaire_id: questionnaireId,
    key: question.key,
    version,
    position,
    kind: question.kind,
    variants: [...question.variants],
    options: question.options ? [...question.options] : null,
    range_min: question.range?.min ?? null,
    range_max: question.range?.max ?? null,
  };
}

/** A changed question: the old version retired, a new one with the next number and only the new text. */
export async function newVersion(db: Db, question: StoredQuestion, questionnaireId: string, text: QuestionText, userId: string): Promise<string> {
  await db.updateTable('survey_questions').set({ retired_at: new Date() }).where('id', '=', question.id).execute();
  const row = await db
    .insertInto('survey_questions')
    .values(questionRow(questionnaireId, question, question.version + 1, question.position))
    .returning('id')
    .executeTakeFirstOrThrow();
  await saveTranslation(db, row.id, 'sv', text, userId);
  return row.id;
}

/** Whether any participant has answered this version (then a change must be a new version). */
export async function hasAnswers(db: Db, questionId: string): Promise<boolean> {
  return !!(await db.selectFrom('survey_answers').select('question_id').where('question_id', '=', questionId).limit(1).executeTakeFirst());
}
