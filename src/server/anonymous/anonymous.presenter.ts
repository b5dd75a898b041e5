import type { RegistrationRow } from './anonymous.repository.js';

export const presentRegistration = (row: RegistrationRow) => ({
  id: row.id,
  interventionId: row.intervention_id,
  teamId: row.team_id,
  year: row.year,
  gender: row.gender,
  count: row.count,
});
