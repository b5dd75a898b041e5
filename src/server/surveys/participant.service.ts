import { isSurveyLanguage, type SurveyLanguage } from '../../core/surveys/languages.js';
import { parseAnswers, type SurveyVariant } from '../../core/surveys/questionnaire.js';
import { writeAudit, type AuditActor } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import { invalidAnswerPage, languagePage, messagePage, questionsPage, thanksPage } from './participant-page.js';
import { claimSending, findOpenSurvey, insertResponse, type OpenSurvey } from './participant.repository.js';
import { questionsOf } from './questionnaire.repository.js';
import { hashSurveyToken, isSurveyTokenShaped } from './survey-token.js';

// The participant's side (issue 13, build 4): no login, the token is the only key. A token that
// is malformed, unknown, used, expired or revoked gets the same page and status, so a guess
// learns nothing.

export type Page = { status: number; html: string } | { status: 303; location: string };

const invalid: Page = { status: 404, html: messagePage('invalidLink') };

async function open(db: Db, token: string): Promise<OpenSurvey | null> {
  return isSurveyTokenShaped(token) ? findOpenSurvey(db, hashSurveyToken(token)) : null;
}

async function questionsFor(db: Db, survey: OpenSurvey) {
  return (await questionsOf(db, survey.questionnaireId)).filter((q) => q.variants.includes(survey.variant as SurveyVariant));
}

export async function showSurvey(db: Db, token: string, language: string | undefined): Promise<Page> {
  const survey = await open(db, token);
  if (!survey) return invalid;
  if (!isSurveyLanguage(language)) return { status: 200, html: languagePage(token) };
  return { status: 200, html: questionsPage(token, language, await questionsFor(db, survey), survey.kind === 'anonymous') };
}

export async function submitSurvey(db: Db, token: string, form: Record<string, string | string[]>, requestId: string): Promise<Page> {
  const chosen = form.sprak;
  const language: SurveyLanguage = isSurveyLanguage(chosen) ? chosen : 'sv';
  return db.transaction().execute(async (trx) => {
    const survey = await open(trx, token);
    if (!survey) return invalid;
    const questions = await questionsFor(trx, survey);
    const { answers, invalid: wrong } = parseAnswers(questions, form);
    if (wrong.length > 0) return { status: 400, html: invalidAnswerPage(token, language) };
    if (survey.kind === 'personal') {
      // One answer per link: a second request racing this one finds it taken.
      if (!(await claimSending(trx, survey.id))) return invalid;
      if (survey.protectedIdentity) for (const [id, answer] of answers) if ('text' in answer) answers.delete(id);
    }
    await insertResponse(trx, survey, language, answers);
    if (survey.kind === 'personal') {
      await writeAudit(trx, participantActor(requestId), [
        { action: 'create', entity: 'survey_response', personId: survey.personId, enrolmentId: survey.enrolmentId, details: { variant: survey.variant, answers: answers.size } },
      ]);
    }
    return { status: 303, location: `/enkat/tack?sprak=${language}` };
  });
}

export const thanks = (language: string | undefined): Page => ({ status: 200, html: thanksPage(isSurveyLanguage(language) ? language : 'sv') });
export const tooMany: Page = { status: 429, html: messagePage('tooMany') };

/** The participant answering through their own link: no user, recorded as such. */
const participantActor = (requestId: string): AuditActor => ({ userId: null, organisationId: null, role: 'participant', requestId, purpose: 'survey_answer' });
