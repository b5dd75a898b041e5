import { sql, type Kysely } from 'kysely';

// Less work per row for a large import (issue 11, item 3), with the same result.
//
// - The two BEFORE INSERT triggers on audit_events (0200's protected flag, 1100's controller,
//   xid and content hash) become one: each looked up the same person (or enrolment), so a
//   100,000-row import paid two PL/pgSQL calls and up to four lookups a row; now one call and one
//   lookup. What a row gets is unchanged: protected is raised (never lowered) when the person, or
//   the enrolment's person, has protected identity; controller_org_id is the person's, else the
//   enrolment's; the hash covers the final row.
// - enrolments_person (person_id) duplicated the leading column of the unique index on
//   (person_id, intervention_id, start_date), which serves the same lookups; every enrolment
//   written updated both.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
DROP TRIGGER audit_events_a_flag_protected ON audit_events;
DROP TRIGGER audit_events_content_hash ON audit_events;
DROP FUNCTION audit_events_flag_protected();
DROP FUNCTION audit_events_content_hash();

CREATE FUNCTION audit_events_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found_protected boolean;
  found_controller uuid;
BEGIN
  IF NEW.person_id IS NOT NULL THEN
    SELECT protected_identity, controller_org_id INTO found_protected, found_controller
      FROM persons WHERE id = NEW.person_id;
  END IF;
  -- controller_org_id is NOT NULL on persons: NULL here means no such person.
  IF found_controller IS NULL AND NEW.enrolment_id IS NOT NULL THEN
    SELECT p.protected_identity, e.controller_org_id INTO found_protected, found_controller
      FROM enrolments e JOIN persons p ON p.id = e.person_id WHERE e.id = NEW.enrolment_id;
  END IF;
  NEW.protected := NEW.protected OR coalesce(found_protected, false);
  NEW.controller_org_id := found_controller;
  NEW.xid := pg_current_xact_id();
  NEW.hash := sha256(audit_event_content(NEW));
  RETURN NEW;
END $$;
CREATE TRIGGER audit_events_derive BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_derive();

DROP INDEX enrolments_person;
`).execute(db);
}
