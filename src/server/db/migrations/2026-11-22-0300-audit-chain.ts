import { sql, type Kysely } from 'kysely';

// Tamper evidence and log review for audit_events (data-protection model 6; issue 3).
//
// Hash chain: every row stores prev_hash (the previous row's hash; 32 zero bytes for the first)
// and hash = sha256(prev_hash || audit_event_content(row)). The BEFORE INSERT trigger computes
// both, so every writer (writeAudit's multi-row inserts, the import's unnest inserts) is chained
// without knowing it. It takes a transaction-scoped advisory lock first, so appends are
// serialised until commit or rollback and two transactions never read the same head. The UNIQUE
// index on prev_hash makes a fork impossible even where the lock cannot help (a REPEATABLE READ
// snapshot that predates the head: that insert fails instead of forking).
//
// controller_org_id: the organisation controlling the person or enrolment the event concerns,
// copied at write time so log review can scope events without joins and still does after
// retention has removed the records (audit rows outlive them). Derived, never taken from the
// writer, and part of the hashed content so it cannot be changed to hide an event from review.
//
// The `protected` flag (migration 0200) is set by audit_events_a_flag_protected, which fires
// before audit_events_chain (triggers fire in name order), so the hash covers its final value.
//
// Uses only the built-in sha256(bytea) (PostgreSQL 11+): pgcrypto is not available in PGlite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
ALTER TABLE audit_events
  ADD COLUMN controller_org_id uuid,
  ADD COLUMN prev_hash bytea,
  ADD COLUMN hash bytea;

-- The canonical content hashed into the chain: a JSON array in a fixed column order, time as
-- UTC text with microseconds and jsonb's normalised text, so neither the session's time zone
-- nor its DateStyle changes a hash. A column added to audit_events later is not hashed unless
-- this function gets a versioned successor (old rows must keep hashing the same).
CREATE FUNCTION audit_event_content(e audit_events) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT convert_to(jsonb_build_array(
    e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.request_id,
    e.actor_user_id, e.actor_org_id, e.actor_role, e.action, e.entity, e.person_id,
    e.enrolment_id, e.controller_org_id, e.purpose, e.outcome, e.details, e.protected)::text, 'UTF8')
$$;

CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_id bigint;
  last_hash bytea;
BEGIN
  -- One appender at a time until this transaction ends (key: 'stegvis audit chain').
  PERFORM pg_advisory_xact_lock(7305648521190475001);
  SELECT id, hash INTO last_id, last_hash FROM audit_events ORDER BY id DESC LIMIT 1;
  -- Chain order is id order: an id drawn before the lock was granted can be lower than the head.
  IF last_id IS NOT NULL AND NEW.id <= last_id THEN
    NEW.id := nextval('audit_events_id_seq');
  END IF;
  NEW.controller_org_id := coalesce(
    (SELECT controller_org_id FROM persons WHERE id = NEW.person_id),
    (SELECT controller_org_id FROM enrolments WHERE id = NEW.enrolment_id));
  NEW.prev_hash := coalesce(last_hash, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
  NEW.hash := sha256(NEW.prev_hash || audit_event_content(NEW));
  RETURN NEW;
END $$;

-- Chain the rows written before this migration, in id order, once: the only UPDATE the table
-- ever sees, by its owner, with the append-only trigger off for this transaction only.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
UPDATE audit_events e SET controller_org_id = coalesce(
  (SELECT controller_org_id FROM persons WHERE id = e.person_id),
  (SELECT controller_org_id FROM enrolments WHERE id = e.enrolment_id));
DO $$
DECLARE
  r record;
  prev bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
BEGIN
  FOR r IN SELECT id FROM audit_events ORDER BY id LOOP
    UPDATE audit_events e SET prev_hash = prev, hash = sha256(prev || audit_event_content(e))
      WHERE e.id = r.id RETURNING e.hash INTO prev;
  END LOOP;
END $$;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;

ALTER TABLE audit_events ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_events_prev_hash ON audit_events (prev_hash);
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

-- Log review scopes by controller or by the actor's organisation, within a period.
CREATE INDEX audit_events_controller ON audit_events (controller_org_id, at);
CREATE INDEX audit_events_actor_org ON audit_events (actor_org_id, at);
-- A denied read by id records the enrolment only; review by person finds it through this.
CREATE INDEX audit_events_enrolment ON audit_events (enrolment_id) WHERE person_id IS NULL;
`).execute(db);
}
