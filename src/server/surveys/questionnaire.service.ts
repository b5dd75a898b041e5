import type { z } from 'zod';
import { surveyLanguages, type SurveyLanguage } from '../../core/surveys/languages.js';
import type { questionTextInput } from '../../core/surveys/questionnaire.js';
import type { RequestContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { findQuestionnaire, hasAnswers, listQuestionnaires, newVersion, questionsOf, saveTranslation, type StoredQuestion } from './questionnaire.repository.js';

// Editing questionnaires and their translations (issue 13): a förbund or an intervention lead
// (permission survey:edit). The Swedish text is the question itself: changing it after anyone has
// answered makes a new version, so old answers never mix with the new question; the other
// languages are translations of it and are entered again for the new version.

type TextInput = z.output<typeof questionTextInput>;

/** Languages a question still lacks, so staff see what to translate. */
export const missingLanguages = (question: StoredQuestion): SurveyLanguage[] => surveyLanguages.filter((l) => !question.texts[l]);

export async function questionnaireList(ctx: RequestContext) {
  const items = await Promise.all(
    (await listQuestionnaires(ctx.db)).map(async (q) => {
      const questions = await questionsOf(ctx.db, q.id);
      const missing = surveyLanguages.filter((l) => questions.some((question) => !question.texts[l]));
      return { ...q, questions: questions.length, missingLanguages: missing };
    }),
  );
  return { items };
}

export async function questionnaireView(ctx: RequestContext, id: string) {
  const questionnaire = await findQuestionnaire(ctx.db, id);
  if (!questionnaire) throw notFound();
  const questions = await questionsOf(ctx.db, id);
  return { ...questionnaire, languages: [...surveyLanguages], questions: questions.map((q) => presentQuestion(q)) };
}

export function presentQuestion(q: StoredQuestion) {
  return {
    id: q.id,
    key: q.key,
    version: q.version,
    kind: q.kind,
    variants: [...q.variants],
    options: q.options ? [...q.options] : null,
    range: q.range ?? null,
    texts: Object.fromEntries(Object.entries(q.texts).map(([l, t]) => [l, { text: t.text, options: t.options ? [...t.options] : null }])),
    missingLanguages: missingLanguages(q),
  };
}

export async function saveQuestionText(ctx: RequestContext, questionnaireId: string, questionId: string, language: SurveyLanguage, input: TextInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const question = (await questionsOf(trx, questionnaireId)).find((q) => q.id === questionId);
    if (!question) throw notFound();
    const expected = question.kind === 'step' ? 2 : (question.options?.length ?? 0);
    if ((input.options?.length ?? 0) !== expected) {
      const message = expected === 0 ? 'Frågan har inga svarsalternativ att översätta' : `Skriv en text för vart och ett av de ${expected} svarsalternativen`;
      throw badRequest('Översättningen är inte komplett.', [{ path: 'options', message }]);
    }
    const text = { text: input.text, ...(input.options && { options: input.options }) };
    const changesQuestion = language === 'sv' && (await hasAnswers(trx, question.id));
    const savedId = changesQuestion ? await newVersion(trx, question, questionnaireId, text, ctx.actor.userId) : question.id;
    if (!changesQuestion) await saveTranslation(trx, question.id, language, text, ctx.actor.userId);
    const saved = (await questionsOf(trx, questionnaireId)).find((q) => q.id === savedId);
    return presentQuestion(saved!);
  });
}
