import { sql, type Kysely } from 'kysely';

// Decided small-cell suppression kept in the database (issue 12, the förbund's figures fast).
// - suppression_decisions: the suppressed reports of one family of calendar periods
//   (core/figures/outcomes-family.ts), keyed by a hash of the family's whole input (scope,
//   rules, k, the counted history, the run of years). Changed data give a new key, so a row is
//   never stale, only unused; rows of an intervention whose history moved on are pruned by the
//   decider. Aggregates only: counts already suppressed as they leave the controller.
// - suppression_dirty: a hint that an intervention's history changed, written by statement
//   triggers on the tables the history is built from (reports/outcomes.repository.ts
//   countHistory); the decider deletes the marks it has dealt with. No unique key, so two
//   transactions marking one intervention never wait for each other.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE suppression_decisions (
  key text PRIMARY KEY,
  intervention_id uuid REFERENCES interventions(id) ON DELETE CASCADE,
  decided_at timestamptz NOT NULL DEFAULT now(),
  family jsonb NOT NULL
);
CREATE INDEX suppression_decisions_intervention ON suppression_decisions (intervention_id);

CREATE TABLE suppression_dirty (
  id bigserial PRIMARY KEY,
  intervention_id uuid NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION mark_suppression_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO suppression_dirty (intervention_id) SELECT DISTINCT intervention_id FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO suppression_dirty (intervention_id) SELECT DISTINCT intervention_id FROM old_rows;
  ELSE
    INSERT INTO suppression_dirty (intervention_id)
      SELECT intervention_id FROM new_rows UNION SELECT intervention_id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;

`.execute(db);
  // One statement-level trigger per table and event: a trigger with transition tables has one event.
  const transitions = { INSERT: 'NEW TABLE AS new_rows', UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', DELETE: 'OLD TABLE AS old_rows' };
  for (const [table, prefix] of [['enrolments', 'enrolments'], ['anonymous_registrations', 'anonymous']]) {
    for (const [event, referencing] of Object.entries(transitions)) {
      await sql
        .raw(`CREATE TRIGGER ${prefix}_dirty_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION mark_suppression_dirty()`)
        .execute(db);
    }
  }
  // Every intervention with a history is dirty once, so the decider fills the table after the upgrade.
  await sql`INSERT INTO suppression_dirty (intervention_id)
    SELECT intervention_id FROM enrolments UNION SELECT intervention_id FROM anonymous_registrations`.execute(db);
}
