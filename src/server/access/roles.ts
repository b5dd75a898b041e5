/** The roles of domain.md, kept apart as SUS kept them. */
export const roles = [
  'case_worker',
  'intervention_lead',
  'association_admin',
  'org_admin',
  'report_reader',
  'log_reviewer',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'organisation:read',
  'organisation:write',
  'codelist:read',
  'codelist:write',
  'intervention:read',
  'intervention:write',
  'team:write',
  'user:read',
  'user:write',
  'enrolment:read',
  'enrolment:write',
  'anonymous:read',
  'anonymous:write',
  'report:outcomes',
  'report:association',
  'report:national',
  'consent:write',
  'person:protect',
  'person:subject_access',
  'audit:review',
  'workplace:read',
  'workplace:write',
  'survey:edit',
  'survey:send',
  'survey:link',
  'survey:results',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['organisation:read', 'codelist:read', 'intervention:read'];
/** The förbund's workplace register (access/workplace-policy.ts). */
const register: Permission[] = ['workplace:read', 'workplace:write'];
// Surveys (issue 13): sending to an enrolment the case worker sees, an anonymous link, the results.
const caseWorkSurveys: Permission[] = ['survey:send', 'survey:link', 'survey:results'];

/** Role → permissions. Anything not listed is denied. */
export const rolePermissions: Record<Role, Permission[]> = {
  // consent:write is further limited to the controller's staff (access/person-rules.ts, OSL 12:2).
  case_worker: [...everyone, 'enrolment:read', 'enrolment:write', 'anonymous:read', 'anonymous:write', 'report:outcomes', 'consent:write', 'person:protect', ...register, ...caseWorkSurveys],
  intervention_lead: [...everyone, 'intervention:write', 'team:write', 'anonymous:read', 'anonymous:write', 'report:outcomes', ...register, 'survey:edit', 'survey:link', 'survey:results'],
  // The workplace register is no participant's data; who is placed where is never shown to this role.
  // Questionnaires and their translations are edited by a förbund or an intervention lead (issue 13).
  // The förbund's dashboard (suppressed figures) and its national follow-up (access/dashboard-policy.ts).
  association_admin: [...everyone, 'report:outcomes', 'report:association', 'report:national', 'workplace:read', 'survey:edit', 'survey:results'],
  // person:subject_access (GDPR art. 15) is for the controlling organisation only (access/person-rules.ts).
  org_admin: [...everyone, 'intervention:write', 'team:write', 'user:read', 'user:write', 'person:subject_access'],
  // A board member: the förbund's dashboard, suppressed figures only (access/dashboard-policy.ts).
  report_reader: [...everyone, 'report:association'],
  // Log review (loggkontroll) of the own organisation's records and staff: audit/log-review.repository.ts.
  log_reviewer: [...everyone, 'person:subject_access', 'audit:review'],
  system_admin: [...everyone, 'organisation:write', 'codelist:write', 'intervention:write', 'team:write', 'user:read', 'user:write'],
};

/** Roles that never receive person-level data, whatever else they are assigned. */
export const aggregateOnlyRoles: Role[] = ['association_admin', 'report_reader'];

/** Permissions that open person-level data: a role lacking one is refused, and the refusal audited. */
export const personDataPermissions: readonly Permission[] = [
  'enrolment:read',
  'enrolment:write',
  'consent:write',
  'person:protect',
  'person:subject_access',
  'audit:review',
  'survey:send',
];
