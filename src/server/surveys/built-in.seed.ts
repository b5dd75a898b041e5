import type { Kysely } from 'kysely';
import { builtInCode, builtInName, builtInQuestions } from '../../core/surveys/built-in.js';
import type { Database } from '../db/types.js';
import { questionRow } from './questionnaire.repository.js';

/**
 * Adds the built-in questionnaire on migrate, as code lists are added: a question key it lacks
 * is added as version 1, a missing shipped text is added, and what staff have changed (texts,
 * new versions) is kept.
 */
export async function seedBuiltInQuestionnaire(db: Kysely<Database>): Promise<void> {
  await db.insertInto('questionnaires').values({ code: builtInCode, name: builtInName }).onConflict((oc) => oc.column('code').doNothing()).execute();
  const questionnaire = await db.selectFrom('questionnaires').select('id').where('code', '=', builtInCode).executeTakeFirstOrThrow();
  const existing = await db.selectFrom('survey_questions').select(['id', 'key']).where('questionnaire_id', '=', questionnaire.id).where('retired_at', 'is', null).execute();
  const byKey = new Map(existing.map((q) => [q.key, q.id]));
  // Every shipped text in one statement: this runs on every start, so round trips count.
  const texts: { question_id: string; language: string; wording: string; option_labels: string[] | null }[] = [];
  for (const [position, question] of builtInQuestions.entries()) {
    if (!byKey.has(question.key) && !(await anyVersion(db, questionnaire.id, question.key))) {
      const row = await db
        .insertInto('survey_questions')
        .values(questionRow(questionnaire.id, question, 1, position + 1))
        .returning('id')
        .executeTakeFirstOrThrow();
      byKey.set(question.key, row.id);
    }
    const questionId = byKey.get(question.key);
    if (!questionId) continue; // retired by staff: their version stands
    for (const [language, text] of Object.entries(question.texts)) {
      texts.push({ question_id: questionId, language, wording: text.text, option_labels: text.options ? [...text.options] : null });
    }
  }
  if (texts.length > 0) {
    await db.insertInto('survey_translations').values(texts).onConflict((oc) => oc.columns(['question_id', 'language']).doNothing()).execute();
  }
}

async function anyVersion(db: Kysely<Database>, questionnaireId: string, key: string) {
  return !!(await db.selectFrom('survey_questions').select('id').where('questionnaire_id', '=', questionnaireId).where('key', '=', key).executeTakeFirst());
}
