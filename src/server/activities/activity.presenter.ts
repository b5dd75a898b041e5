import type { DataScope } from '../access/data-scope.js';
import { mayChangeActivity } from '../access/activity-rules.js';
import type { ActivityRow } from './activity.repository.js';

export const presentActivity = (scope: DataScope, row: ActivityRow) => ({
  id: row.id,
  enrolmentId: row.enrolment_id,
  activityType: row.activity_type,
  employmentType: row.employment_type,
  extension: row.extension,
  workplace: row.workplace_id ? { id: row.workplace_id, name: row.workplace_name ?? '' } : null,
  provider: row.provider,
  supervisor: row.supervisor_id ? { id: row.supervisor_id, name: row.supervisor_name ?? '' } : null,
  startDate: row.start_date,
  endDate: row.end_date,
  hoursPerWeek: row.hours_per_week,
  status: row.status,
  health: row.health,
  notes: row.notes,
  controller: { id: row.controller_org_id, name: row.controller_name },
  can: { update: mayChangeActivity(scope, row) },
});
