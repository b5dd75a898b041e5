import type { Actor } from '../access/actor.js';
import { enrolmentCan } from '../access/enrolment-policy.js';
import type { consentsOf, EnrolmentRow, revisionsOf } from './enrolment.repository.js';

const fullName = (first: string | null, last: string | null) =>
  [first, last].filter(Boolean).join(' ') || null;

export function presentSummary(row: EnrolmentRow) {
  return {
    id: row.id,
    personId: row.person_id,
    participantRef: row.participant_ref,
    name: fullName(row.first_name, row.last_name),
    gender: row.gender,
    intervention: { id: row.intervention_id, code: row.intervention_code, name: row.intervention_name },
    team: row.team_id ? { id: row.team_id, name: row.team_name! } : null,
    startDate: row.start_date,
    exitDate: row.exit_date,
    exitReason: row.exit_reason,
  };
}

export function presentRevision(revision: Awaited<ReturnType<typeof revisionsOf>>[number]) {
  return {
    id: revision.id,
    kind: revision.kind,
    changedAt: new Date(revision.changed_at).toISOString(),
    changedBy: revision.changed_by,
    organisation: revision.organisation,
    changes: revision.fields.map((c) => ({ field: c.field, from: c.from ?? null, to: c.to ?? null, valuesShown: 'from' in c || 'to' in c })),
  };
}

export function presentEnrolment(
  actor: Actor,
  row: EnrolmentRow,
  consents: Awaited<ReturnType<typeof consentsOf>>,
  revisions: Awaited<ReturnType<typeof revisionsOf>> = [],
) {
  // The consent that currently governs sharing: the newest active one, else the newest.
  const consent = consents.find((c) => !c.withdrawn_at) ?? consents[0] ?? null;
  return {
    ...presentSummary(row),
    person: {
      id: row.person_id,
      participantRef: row.participant_ref,
      personnummer: row.personnummer,
      firstName: row.first_name,
      lastName: row.last_name,
      gender: row.gender,
      birthYear: row.birth_year,
      identityRemoved: row.identity_removed_at !== null,
    },
    controller: { id: row.controller_org_id, code: row.controller_code, name: row.controller_name },
    ageAtStart: row.age_at_start,
    referrer: row.referrer_id ? { id: row.referrer_id, code: row.referrer_code!, name: row.referrer_name! } : null,
    incomeBefore: row.income_before,
    occupationBefore: row.occupation_before,
    occupationBeforeExtent: row.occupation_before_extent,
    education: row.education,
    supportTime: row.support_time,
    targetGroups: row.target_groups,
    exitDetail: row.exit_detail,
    exitCompleted: row.exit_completed,
    incomeAfter: row.income_after,
    occupationAfter: row.occupation_after,
    occupationAfterExtent: row.occupation_after_extent,
    notes: row.notes,
    consent: consent && {
      id: consent.id,
      givenDate: consent.given_date,
      method: consent.method,
      documentRef: consent.document_ref,
      withdrawnAt: consent.withdrawn_at ? new Date(consent.withdrawn_at).toISOString() : null,
      parties: consent.parties.map((p) => ({ id: p.id, code: p.code, name: p.name, categories: p.categories })),
    },
    can: enrolmentCan(actor, { controllerOrgId: row.controller_org_id, exitDate: row.exit_date, exitReason: row.exit_reason }),
    history: revisions.map(presentRevision),
  };
}
