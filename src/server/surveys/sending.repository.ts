import type { Db } from '../db/connection.js';
import type { EnrolmentRow } from '../enrolments/enrolment.repository.js';

// Personal survey sendings. Written and listed only for an enrolment a scoped read returned
// (enrolments/enrolment.repository.ts, findVisibleEnrolment), so the access rule governs them.

export async function insertSending(
  db: Db,
  row: EnrolmentRow,
  values: { questionnaireId: string; variant: string; tokenHash: string; userId: string; expiresAt: Date },
) {
  return db
    .insertInto('survey_sendings')
    .values({
      questionnaire_id: values.questionnaireId,
      variant: values.variant,
      enrolment_id: row.id,
      person_id: row.person_id,
      intervention_id: row.intervention_id,
      controller_org_id: row.controller_org_id,
      token_hash: values.tokenHash,
      sent_by_user_id: values.userId,
      expires_at: values.expiresAt,
    })
    .returning(['id', 'variant', 'sent_at', 'expires_at'])
    .executeTakeFirstOrThrow();
}

export function sendingsOf(db: Db, row: EnrolmentRow) {
  return db
    .selectFrom('survey_sendings')
    .select(['id', 'variant', 'sent_at', 'expires_at', 'answered_at'])
    .where('enrolment_id', '=', row.id)
    .orderBy('sent_at', 'desc')
    .orderBy('id')
    .execute();
}

/** An intervention's anonymous link for a variant: earlier ones of the same variant stop working. */
export async function replaceLink(db: Db, values: { questionnaireId: string; interventionId: string; variant: string; tokenHash: string; userId: string; expiresAt: Date }) {
  await db
    .updateTable('survey_links')
    .set({ revoked_at: new Date() })
    .where('intervention_id', '=', values.interventionId)
    .where('variant', '=', values.variant)
    .where('revoked_at', 'is', null)
    .execute();
  return db
    .insertInto('survey_links')
    .values({
      questionnaire_id: values.questionnaireId,
      intervention_id: values.interventionId,
      variant: values.variant,
      token_hash: values.tokenHash,
      created_by_user_id: values.userId,
      expires_at: values.expiresAt,
    })
    .returning(['id', 'variant', 'expires_at'])
    .executeTakeFirstOrThrow();
}
