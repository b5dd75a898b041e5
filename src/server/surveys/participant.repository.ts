import { sql } from 'kysely';
import type { Answer } from '../../core/surveys/questionnaire.js';
import type { Db } from '../db/connection.js';

// What a participant's link opens, found by the token's hash only; and the answer it stores. A
// link that is used, expired, revoked or unknown is simply not found, all alike.

export type OpenSurvey =
  | {
      kind: 'personal';
      id: string;
      questionnaireId: string;
      variant: string;
      interventionId: string;
      controllerOrgId: string;
      enrolmentId: string;
      personId: string;
      /** A person with protected identity: free text is not stored (data-protection model 5). */
      protectedIdentity: boolean;
    }
  | { kind: 'anonymous'; id: string; questionnaireId: string; variant: string; interventionId: string; controllerOrgId: string };

export async function findOpenSurvey(db: Db, tokenHash: string): Promise<OpenSurvey | null> {
  const sending = await db
    .selectFrom('survey_sendings as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.id', 's.questionnaire_id', 's.variant', 's.intervention_id', 's.controller_org_id', 's.enrolment_id', 's.person_id', 'p.protected_identity'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.answered_at', 'is', null)
    .where(sql<boolean>`s.expires_at > now()`)
    .executeTakeFirst();
  if (sending) {
    return {
      kind: 'personal', id: sending.id, questionnaireId: sending.questionnaire_id, variant: sending.variant, interventionId: sending.intervention_id,
      controllerOrgId: sending.controller_org_id, enrolmentId: sending.enrolment_id, personId: sending.person_id,
      protectedIdentity: sending.protected_identity,
    };
  }
  const link = await db
    .selectFrom('survey_links as l')
    .innerJoin('interventions as i', 'i.id', 'l.intervention_id')
    .select(['l.id', 'l.questionnaire_id', 'l.variant', 'l.intervention_id', 'i.owner_org_id'])
    .where('l.token_hash', '=', tokenHash)
    .where('l.revoked_at', 'is', null)
    .where(sql<boolean>`l.expires_at > now()`)
    .executeTakeFirst();
  if (!link) return null;
  return { kind: 'anonymous', id: link.id, questionnaireId: link.questionnaire_id, variant: link.variant, interventionId: link.intervention_id, controllerOrgId: link.owner_org_id };
}

/** Takes the personal link's one answer; false when another request took it first or it expired. */
export async function claimSending(db: Db, sendingId: string): Promise<boolean> {
  const claimed = await db
    .updateTable('survey_sendings')
    .set({ answered_at: new Date() })
    .where('id', '=', sendingId)
    .where('answered_at', 'is', null)
    .where(sql<boolean>`expires_at > now()`)
    .returning('id')
    .executeTakeFirst();
  return !!claimed;
}

export async function insertResponse(db: Db, survey: OpenSurvey, language: string, answers: Map<string, Answer>): Promise<void> {
  const personal = survey.kind === 'personal';
  const response = await db
    .insertInto('survey_responses')
    .values({
      questionnaire_id: survey.questionnaireId,
      intervention_id: survey.interventionId,
      controller_org_id: survey.controllerOrgId,
      variant: survey.variant,
      sending_id: personal ? survey.id : null,
      link_id: personal ? null : survey.id,
      enrolment_id: personal ? survey.enrolmentId : null,
      person_id: personal ? survey.personId : null,
      language,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (answers.size === 0) return;
  await db
    .insertInto('survey_answers')
    .values(
      [...answers].map(([questionId, answer]) => ({
        response_id: response.id,
        question_id: questionId,
        person_id: personal ? survey.personId : null,
        value: 'value' in answer ? answer.value : null,
        choices: 'choices' in answer ? answer.choices : null,
        free_text: 'text' in answer ? answer.text : null,
      })),
    )
    .execute();
}
