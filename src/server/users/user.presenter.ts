import type { AssignmentRow, UserRow } from './user.repository.js';

export const presentAssignment = (a: Pick<AssignmentRow, 'id' | 'role' | 'intervention_id' | 'team_id' | 'association_id'>) => ({
  id: a.id,
  role: a.role,
  interventionId: a.intervention_id,
  teamId: a.team_id,
  associationId: a.association_id,
});

/**
 * Only declared fields; the password hash is never part of a user view. `ownedBy`: show only the
 * assignments in interventions this organisation owns (another organisation's user, as the
 * owner's administrator sees them); null shows all.
 */
export function presentUser(row: UserRow, assignments: AssignmentRow[], ownedBy: string | null = null) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    active: row.active,
    assignments: assignments
      .filter((a) => a.user_id === row.id && (ownedBy === null || a.owner_org_id === ownedBy))
      .map(presentAssignment),
  };
}
