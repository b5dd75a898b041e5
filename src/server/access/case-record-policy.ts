import { sql, type RawBuilder } from 'kysely';
import { aggregateOnlyRoles } from './roles.js';
import { hasRole } from './actor.js';
import type { DataScope } from './data-scope.js';
import { caseWorkInterventionIds, enrolmentVisibleTo } from './scope.js';

// The shared case (issue 10, item 1). Each authority controls its own documentation: a plan
// revision, sub-goal, meeting or activity belongs to the organisation whose staff wrote it. Another
// party sees it only while the person's active consent names that party FOR THAT CATEGORY of
// information (OSL 12:2), and for a record marked as health information also for `health`.
// Consents are read inside the query, so removing a party or a category applies on the next request.

export type CaseCategory = 'plan' | 'meetings' | 'health';

export const caseCategories: readonly CaseCategory[] = ['plan', 'meetings', 'health'];

/** What a party recorded before categories existed covered, and what a new party gets unless chosen otherwise. */
export const defaultCaseCategories: readonly CaseCategory[] = ['plan', 'meetings'];

/** The person's active consent names the organisation with every one of the categories. */
function consentCovers(personId: RawBuilder<unknown>, organisationId: string, categories: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from consents c join consent_parties cp on cp.consent_id = c.id
    where c.person_id = ${personId} and c.withdrawn_at is null
      and cp.organisation_id = ${organisationId} and cp.categories @> ${categories})`;
}

/**
 * SQL condition: the case record `record` (alias with enrolment_id, controller_org_id, health) is
 * visible to the scope. The actor has a case_worker assignment covering the record's enrolment (its
 * intervention or team), AND the actor's organisation controls the record or the person's active
 * consent names it with the category (and with `health` when the record is so marked), AND the
 * person has no protected identity. The system's scope sees every record.
 */
export function caseRecordVisibleTo(scope: DataScope, category: Exclude<CaseCategory, 'health'>, record = 'r'): RawBuilder<boolean> {
  if (scope.kind === 'system') return sql<boolean>`true`;
  const { actor } = scope;
  if (aggregateOnlyRoles.some((role) => hasRole(actor, role))) return sql<boolean>`false`;
  const { interventionIds, teamIds } = caseWorkInterventionIds(actor);
  if (interventionIds.length === 0 && teamIds.length === 0) return sql<boolean>`false`;
  const r = sql.table(record);
  const needed = sql`(case when ${r}.health then array[${category}, 'health'] else array[${category}] end)::text[]`;
  return sql<boolean>`exists (
    select 1 from enrolments ce
    where ce.id = ${r}.enrolment_id
      and (ce.intervention_id = any(${interventionIds}::uuid[]) or ce.team_id = any(${teamIds}::uuid[]))
      and not exists (select 1 from persons pp where pp.id = ce.person_id and pp.protected_identity)
      and (${r}.controller_org_id = ${actor.organisationId} or ${consentCovers(sql`ce.person_id`, actor.organisationId, needed)}))`;
}

/**
 * SQL condition on the enrolment `alias`: the scope may add records of the category to it. The
 * enrolment is visible to the actor, and the actor's organisation controls the enrolment or the
 * person's active consent names it with the category: a party that does not share a category in
 * this case does not write in it either (and so cannot learn, by a refused write, what exists).
 */
export function caseRecordWritableIn(scope: DataScope, category: Exclude<CaseCategory, 'health'>, alias = 'e'): RawBuilder<boolean> {
  if (scope.kind === 'system') return sql<boolean>`true`;
  const e = sql.table(alias);
  const organisationId = scope.actor.organisationId;
  return sql<boolean>`(${enrolmentVisibleTo(scope, alias)}
    and (${e}.controller_org_id = ${organisationId} or ${consentCovers(sql`${e}.person_id`, organisationId, sql`array[${category}]::text[]`)}))`;
}
