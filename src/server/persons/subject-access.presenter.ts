import type { SubjectAccess } from './subject-access.schemas.js';
import type { SubjectAccessRows } from './subject-access.repository.js';
import type { caseRecordsOf } from './subject-access-case.repository.js';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** Rows → the export (GDPR art. 15): every stored field of the person, their enrolments and consents. */
export function presentSubjectAccess(rows: SubjectAccessRows, caseRecords: Awaited<ReturnType<typeof caseRecordsOf>>, now: Date): SubjectAccess {
  const { person, enrolments, consents, parties, accessLog, sendings, answers } = rows;
  return {
    kind: 'subject_access',
    version: 1,
    generatedAt: now.toISOString(),
    controller: { id: person.controller_id, code: person.controller_code, name: person.controller_name },
    person: {
      id: person.id,
      participantRef: person.participant_ref,
      personnummer: person.personnummer,
      firstName: person.first_name,
      lastName: person.last_name,
      gender: person.gender,
      birthYear: person.birth_year,
      protectedIdentity: person.protected_identity,
      identityRemovedAt: isoOrNull(person.identity_removed_at),
      createdAt: iso(person.created_at),
      updatedAt: iso(person.updated_at),
    },
    enrolments: enrolments.map((e) => ({
      id: e.id,
      intervention: { code: e.intervention_code, name: e.intervention_name },
      team: e.team_name,
      referrer: e.referrer_code ? { code: e.referrer_code, name: e.referrer_name! } : null,
      gender: e.gender,
      ageAtStart: e.age_at_start,
      startDate: e.start_date,
      exitDate: e.exit_date,
      exitReason: e.exit_reason,
      exitDetail: e.exit_detail,
      incomeBefore: e.income_before,
      occupationBefore: e.occupation_before,
      occupationBeforeExtent: e.occupation_before_extent,
      education: e.education,
      supportTime: e.support_time,
      targetGroups: e.target_groups,
      incomeAfter: e.income_after,
      occupationAfter: e.occupation_after,
      occupationAfterExtent: e.occupation_after_extent,
      notes: e.notes,
      createdAt: iso(e.created_at),
      updatedAt: iso(e.updated_at),
    })),
    consents: consents.map((c) => ({
      id: c.id,
      givenDate: c.given_date,
      method: c.method,
      documentRef: c.document_ref,
      withdrawnDate: c.withdrawn_date,
      withdrawnAt: isoOrNull(c.withdrawn_at),
      parties: parties
        .filter((p) => p.consent_id === c.id)
        .map((p) => ({ code: p.code, name: p.name, addedAt: iso(p.added_at) })),
    })),
    surveys: sendings.map((s) => {
      const mine = answers.filter((a) => a.sending_id === s.id);
      return {
        enrolmentId: s.enrolment_id,
        variant: s.variant,
        sentAt: iso(s.sent_at),
        expiresAt: iso(s.expires_at),
        answeredAt: isoOrNull(s.answered_at),
        language: mine[0]?.language ?? null,
        answers: mine.map((a) => ({ question: a.wording ?? a.key, value: a.value, choices: a.choices, text: a.free_text })),
      };
    }),
    caseRecords: caseRecords.own.map((r) => ({ kind: r.kind, at: iso(r.at), detail: r.detail, texts: r.texts.filter((text): text is string => text !== null) })),
    caseRecordsOfOtherParties: caseRecords.others,
    accessLog: accessLog.map((a) => ({
      at: iso(a.at),
      action: a.action,
      entity: a.entity,
      outcome: a.outcome,
      purpose: a.purpose,
      organisation: a.org_code ? { code: a.org_code, name: a.org_name! } : null,
      role: a.actor_role,
      enrolmentId: a.enrolment_id,
      protected: a.protected,
    })),
  };
}
