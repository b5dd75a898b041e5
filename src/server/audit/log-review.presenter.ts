import { auditActionLabels, auditEntityLabels, auditLabel, auditRoleLabels } from '../../core/audit-labels.js';
import type { ReviewRow } from './log-review.repository.js';
import type { AccessRow } from './log-review.schemas.js';

const fullName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || null;

export function presentAccess(row: ReviewRow): AccessRow {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    user: row.actor_user_id ? { id: row.actor_user_id, name: row.user_name ?? '', email: row.user_email ?? '' } : null,
    organisation: row.actor_org_id ? { id: row.actor_org_id, code: row.org_code ?? '', name: row.org_name ?? '' } : null,
    role: row.actor_role,
    action: row.action,
    entity: row.entity,
    person: row.person_id
      ? { id: row.person_id, name: fullName(row.first_name, row.last_name), participantRef: row.participant_ref }
      : null,
    enrolmentId: row.enrolment_id,
    purpose: row.purpose,
    outcome: row.outcome,
    protected: row.protected,
    requestId: row.request_id,
  };
}

/** A row as the CSV and PDF show it, in Swedish; codes not yet labelled are shown as codes. */
export function labelled(row: AccessRow) {
  return {
    at: row.at,
    userName: row.user?.name ?? (row.role === 'system' ? 'Systemet' : ''),
    userEmail: row.user?.email ?? '',
    organisation: row.organisation ? `${row.organisation.name} (${row.organisation.code})` : '',
    role: row.role ? auditLabel(auditRoleLabels, row.role) : '',
    action: auditLabel(auditActionLabels, row.action),
    entity: auditLabel(auditEntityLabels, row.entity),
    personId: row.person?.id ?? '',
    personName: row.person?.name ?? '',
    participantRef: row.person?.participantRef ?? '',
    protected: row.protected ? 'Ja' : 'Nej',
    enrolmentId: row.enrolmentId ?? '',
    purpose: row.purpose ?? '',
    outcome: row.outcome === 'allowed' ? 'Tillåten' : 'Nekad',
    requestId: row.requestId ?? '',
  };
}
