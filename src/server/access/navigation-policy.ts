import type { z } from 'zod';
import type { navigationCan as navigationCanSchema } from '../../core/schemas/auth.js';
import { associationIdsFor, hasPermission, type Actor } from './actor.js';
import type { Permission } from './roles.js';
import { boardAssociations } from './report-document-policy.js';
import { grantableRoles, type GrantableFacts } from './rights-policy.js';

// What the web app offers an actor (`can` in GET /auth/me). Each area is the permission its API
// routes declare, read from the same role map the auth hook checks (roles.ts), so a page is
// offered exactly when the API lets the actor past the permission check. What may be done to a
// single record stays on that record's own `can` flags (intervention-rules.ts, enrolment-policy.ts).
// Denied by default: an actor without assignments gets every flag false and every list empty.

export type NavigationCan = z.infer<typeof navigationCanSchema>;
type ImportKind = NavigationCan['importKinds'][number];

/** The permission each POST /api/v1/imports/{kind} declares (import/import.routes.ts). */
const importPermissions: Record<ImportKind, Permission> = {
  organisations: 'organisation:write',
  interventions: 'intervention:write',
  enrolments: 'enrolment:write',
};

export function navigationCan(actor: Actor, grant: GrantableFacts): NavigationCan {
  const may = (permission: Permission) => hasPermission(actor, permission);
  const reports = may('report:outcomes');
  return {
    // GET /enrolments (the list and search) and POST /enrolments (a new participant).
    participants: may('enrolment:read'),
    enrol: may('enrolment:write'),
    // GET /reports/outcomes; which interventions come with each intervention's `can.report`.
    reports,
    // The förbund whose aggregated report the actor may open (reports/outcomes.service.ts).
    reportAssociations: reports ? [...new Set(associationIdsFor(actor, 'association_admin'))] : [],
    // GET /reports/dashboard: the förbund the actor holds a dashboard role in (dashboard-policy.ts).
    dashboardAssociations: [...new Set([...associationIdsFor(actor, 'association_admin'), ...associationIdsFor(actor, 'report_reader')])],
    importKinds: (Object.keys(importPermissions) as ImportKind[]).filter((kind) => may(importPermissions[kind])),
    // GET /users; the administration pages of organisations and code lists write, so they need the write permission.
    users: may('user:read'),
    organisations: may('organisation:write'),
    codeLists: may('codelist:write'),
    // POST /audit/… (log review) and GET /persons/:id/subject-access(.pdf).
    logReview: may('audit:review'),
    subjectAccess: may('person:subject_access'),
    // The roles the users page offers in a new assignment (rights-policy.ts).
    grantableRoles: grantableRoles(actor, grant),
    // GET /interventions/:id/survey-results and PUT /questionnaires/… (surveys/).
    surveys: may('survey:results'),
    surveyTranslations: may('survey:edit'),
    // GET /report-documents/published: the förbund whose board or admin the actor is (report-document-policy.ts).
    boardReports: boardAssociations(actor).length > 0,
  };
}
