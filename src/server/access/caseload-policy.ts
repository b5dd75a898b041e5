import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from './data-scope.js';
import { caseWorkInterventionIds } from './scope.js';

// A team's caseload (issue 10, item 6) is offered to the case workers whose assignments cover the
// team: on the team itself or on its intervention. Which participants it lists is still decided
// participant by participant (scope.ts, case-record-policy.ts).

/** SQL condition on a team row `alias` (id, intervention_id): the scope's case work covers it. */
export function teamCoveredBy(scope: DataScope, alias = 't'): RawBuilder<boolean> {
  if (scope.kind === 'system') return sql<boolean>`true`;
  const { interventionIds, teamIds } = caseWorkInterventionIds(scope.actor);
  const t = sql.table(alias);
  return sql<boolean>`(${t}.id = any(${teamIds}::uuid[]) or ${t}.intervention_id = any(${interventionIds}::uuid[]))`;
}
