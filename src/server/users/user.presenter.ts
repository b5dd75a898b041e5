import type { AssignmentRow, UserRow } from './user.repository.js';

export const presentAssignment = (a: Omit<AssignmentRow, 'user_id'>) => ({
  id: a.id,
  role: a.role,
  interventionId: a.intervention_id,
  teamId: a.team_id,
  associationId: a.association_id,
});

/** Only declared fields; the password hash is never part of a user view. */
export function presentUser(row: UserRow, assignments: AssignmentRow[]) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    active: row.active,
    assignments: assignments.filter((a) => a.user_id === row.id).map(presentAssignment),
  };
}
