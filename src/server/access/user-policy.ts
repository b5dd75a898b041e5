import { sql, type RawBuilder } from 'kysely';
import { hasRole, type Actor } from './actor.js';

/**
 * Users the actor may see: a system administrator all; an organisation administrator those of the
 * own organisation (domain.md, roles: org_admin) and those of other organisations who work in an
 * intervention the own organisation owns (the controller knows who can reach its records); nobody
 * else. Part of every user query, so any other user is simply not found.
 */
export function userVisibleTo(actor: Actor, alias = 'u'): RawBuilder<boolean> {
  if (hasRole(actor, 'system_admin')) return sql<boolean>`true`;
  if (hasRole(actor, 'org_admin')) {
    const u = sql.table(alias);
    return sql<boolean>`(${u}.organisation_id = ${actor.organisationId} or ${worksFor(sql`${u}.id`, actor.organisationId)})`;
  }
  return sql<boolean>`false`;
}

/** The user holds an assignment on an intervention, or a team of one, that the organisation owns. */
export function worksFor(userId: RawBuilder<unknown>, organisationId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from assignments wa
    left join teams wt on wt.id = wa.team_id
    join interventions wi on wi.id = coalesce(wa.intervention_id, wt.intervention_id)
    where wa.user_id = ${userId} and wi.owner_org_id = ${organisationId})`;
}
