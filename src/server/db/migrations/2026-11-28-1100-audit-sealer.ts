import { sql, type Kysely } from 'kysely';

// Audit off the critical path (issue 11, item 1). The chain of migration 0300 made every audited
// request wait for one advisory lock until commit. Now:
//
// - each row carries only its own content hash, hash = sha256(audit_event_content(row)), and the
//   id of the transaction that wrote it (xid, xid8), both set by a BEFORE INSERT trigger with no
//   lock, in the request's own transaction as before;
// - a sealer (audit/audit-sealer.ts, one per database at a time) appends audit_seals rows, each
//   chaining the next batch of committed events in (xid, id) order:
//   seal.hash = sha256(prev seal's hash || int4(row_count) || for each row: int8(id) || hash).
//   It seals only rows whose xid is below pg_snapshot_xmin(pg_current_snapshot()): every
//   transaction below that horizon has ended, and any transaction that commits later has an xid
//   at or above it, so no later commit can sort before a sealed row.
//
// The rows written before this migration (xid 0, in id order) were chained by 0300; the chain is
// checked here first (a broken one stops the migration: run `stegvis audit verify` on the old
// release) and then converted to content hashes, so the first seal covers them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
DO $$
DECLARE
  r record;
  prev bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
BEGIN
  FOR r IN SELECT e.id, e.prev_hash, e.hash, sha256(e.prev_hash || audit_event_content(e)) AS computed
           FROM audit_events e ORDER BY e.id LOOP
    IF r.prev_hash <> prev OR r.hash <> r.computed THEN
      RAISE EXCEPTION 'the audit chain is broken at id %: not converted', r.id;
    END IF;
    prev := r.hash;
  END LOOP;
END $$;

DROP TRIGGER audit_events_chain ON audit_events;
DROP FUNCTION audit_events_chain();
ALTER TABLE audit_events ADD COLUMN xid xid8 NOT NULL DEFAULT '0';
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
UPDATE audit_events e SET hash = sha256(audit_event_content(e));
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
ALTER TABLE audit_events DROP COLUMN prev_hash;
CREATE INDEX audit_events_seal_order ON audit_events (xid, id);

-- Name sorts after audit_events_a_flag_protected, so the hash covers the final flag.
CREATE FUNCTION audit_events_content_hash() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.controller_org_id := coalesce(
    (SELECT controller_org_id FROM persons WHERE id = NEW.person_id),
    (SELECT controller_org_id FROM enrolments WHERE id = NEW.enrolment_id));
  NEW.xid := pg_current_xact_id();
  NEW.hash := sha256(audit_event_content(NEW));
  RETURN NEW;
END $$;
CREATE TRIGGER audit_events_content_hash BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_content_hash();

CREATE TABLE audit_seals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  -- The last event sealed, in (xid, id) order; the first follows the previous seal's last.
  last_xid xid8 NOT NULL,
  last_id bigint NOT NULL,
  row_count integer NOT NULL CHECK (row_count > 0),
  prev_hash bytea NOT NULL UNIQUE,
  hash bytea NOT NULL
);
CREATE FUNCTION audit_seals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_seals is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_seals_append_only();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION audit_seals_append_only();
`).execute(db);
}
