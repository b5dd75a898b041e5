import { sql, type Kysely } from 'kysely';

// One index that answers a case worker's list and an intervention's outcomes from the index
// alone (issue 11, item 2). The list is ordered by start date (newest first, then id) and filtered
// by the access rule on controller, person and team; the outcomes count by gender, age, exit and
// its reason. With those columns in the index, neither reads the table's pages for the rows it
// counts or skips. It replaces (intervention_id, start_date), whose lookups it serves, so an
// enrolment written still updates the same number of indexes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE INDEX enrolments_intervention_listing ON enrolments (intervention_id, start_date DESC, id)
  INCLUDE (controller_org_id, person_id, team_id, exit_date, exit_reason, gender, age_at_start);
DROP INDEX enrolments_intervention_start;
`.execute(db);
}
