import { sql, type Kysely } from 'kysely';

// The national follow-up (Uppföljning Finsam, issue 12 item 9) asks per intervention for its
// follow-up method and its administrative costs; neither is about a participant.
// - follow_up_method: how the intervention is followed up (SUS, Stegvis, another system).
// - intervention_admin_costs: the year's administrative costs, a separate figure: the cost
//   categories are the kostnadsslag of the report templates, none of which is administration
//   (docs/national-export.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
ALTER TABLE interventions ADD COLUMN follow_up_method text NOT NULL DEFAULT 'stegvis'
  CHECK (follow_up_method IN ('stegvis', 'sus', 'other'));

CREATE TABLE intervention_admin_costs (
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  year int NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (intervention_id, year)
);
`.execute(db);
}
