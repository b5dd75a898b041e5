import { sql, type Kysely } from 'kysely';

// The exit's completion (issue 12): whether the participant completed the planned activity
// (fullföljd) or not (avbruten). NULL = not recorded; completion counts only recorded exits
// (domain.md, "completion"). An anonymous fact of the exit like its reason, so identity removal
// leaves it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE enrolments ADD COLUMN exit_completed boolean`.execute(db);
}
