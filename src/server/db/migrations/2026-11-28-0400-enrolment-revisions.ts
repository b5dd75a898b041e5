import { sql, type Kysely } from 'kysely';

// Corrections of an enrolment kept as revisions (issue 9, item 1): who, which organisation, when,
// and old → new per field. Values are codes, dates, ids and numbers only: names and free text
// (notes, exit detail) are recorded as changed without their values, so identity removal has
// nothing to clear here (access/personal-data.ts). `affects_from` is the earliest day whose
// figures the change can alter (the smallest old or new date changed, else the start or exit
// date of the facts changed): a report frozen for a period ending on or after that day, before
// `changed_at`, differs from today's figures, and this index finds those revisions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE enrolment_revisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enrolment_id uuid NOT NULL REFERENCES enrolments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('correction', 'exit', 'reopen')),
  changed_by_user_id uuid REFERENCES users(id),
  changed_by_org_id uuid REFERENCES organisations(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  affects_from date NOT NULL,
  fields jsonb NOT NULL
);
CREATE INDEX enrolment_revisions_enrolment ON enrolment_revisions (enrolment_id, changed_at);
CREATE INDEX enrolment_revisions_person ON enrolment_revisions (person_id);
CREATE INDEX enrolment_revisions_affects ON enrolment_revisions (controller_org_id, affects_from);
`.execute(db);
}
