import { sql, type Kysely } from 'kysely';

// Data protection in operation (issue 3): consent withdrawal dates, protected identity, the
// protected flag on audit events, and retention (gallring) rules and runs. Runs on PostgreSQL 15
// and on PGlite (PostgreSQL 18): no feature newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- Data-protection model 5: protected identity (sekretessmarkering, skyddad folkbokföring). Once
-- set, identity fields can never be stored again and the mark can never be lifted: a person whose
-- protection ends is registered anew.
ALTER TABLE persons ADD COLUMN protected_identity boolean NOT NULL DEFAULT false;
ALTER TABLE persons ADD CONSTRAINT persons_protected_without_identity CHECK (
  NOT protected_identity
  OR (personnummer IS NULL AND participant_ref IS NULL AND first_name IS NULL AND last_name IS NULL)
);

CREATE FUNCTION persons_protection_is_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'protected_identity cannot be lifted' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER persons_protection_is_permanent BEFORE UPDATE OF protected_identity ON persons
  FOR EACH ROW WHEN (OLD.protected_identity AND NOT NEW.protected_identity)
  EXECUTE FUNCTION persons_protection_is_permanent();

-- Free text can name the person too: none on the enrolments of a protected person. The WHEN
-- clause keeps the lookup off every write that carries no free text (bulk imports).
CREATE FUNCTION enrolments_no_free_text_when_protected() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM persons WHERE id = NEW.person_id AND protected_identity) THEN
    RAISE EXCEPTION 'free text is not stored for a protected person' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER enrolments_no_free_text_when_protected BEFORE INSERT OR UPDATE ON enrolments
  FOR EACH ROW WHEN (NEW.notes IS NOT NULL OR NEW.exit_detail IS NOT NULL)
  EXECUTE FUNCTION enrolments_no_free_text_when_protected();

-- Every access to a protected person's record is flagged (data-protection model 5 and 6). A
-- constant default adds the column without rewriting or updating the append-only rows. Derived
-- in the database, like controller_org_id, so no writer (API, import, CLI) can forget it; a
-- writer may only raise it. The trigger's name sorts before audit_events_chain (triggers fire in
-- name order), so a hash over the row always sees the final flag.
ALTER TABLE audit_events ADD COLUMN protected boolean NOT NULL DEFAULT false;

CREATE FUNCTION audit_events_flag_protected() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.protected := NEW.protected OR coalesce(
    (SELECT protected_identity FROM persons WHERE id = NEW.person_id),
    (SELECT p.protected_identity FROM enrolments e JOIN persons p ON p.id = e.person_id
      WHERE e.id = NEW.enrolment_id),
    false);
  RETURN NEW;
END $$;
CREATE TRIGGER audit_events_a_flag_protected BEFORE INSERT ON audit_events
  FOR EACH ROW WHEN (NEW.person_id IS NOT NULL OR NEW.enrolment_id IS NOT NULL)
  EXECUTE FUNCTION audit_events_flag_protected();

-- OSL 12:2: the day the person withdrew consent (withdrawn_at is when it took effect here).
ALTER TABLE consents ADD COLUMN withdrawn_date date;

-- Data-protection model 8: retention per organisation and record type. Audit rows are never
-- removed by retention and are kept at least 5 years, so a rule for them can only lengthen that.
CREATE TABLE retention_rules (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  record_type text NOT NULL CHECK (record_type IN ('person_identity', 'audit_event')),
  keep_years int NOT NULL CHECK (keep_years BETWEEN 1 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, record_type),
  CHECK (record_type <> 'audit_event' OR keep_years >= 5)
);

-- What a retention run removed, never the removed data itself: counts per organisation and
-- record type. Append-only, like the audit trail.
CREATE TABLE retention_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL,
  ran_at timestamptz NOT NULL DEFAULT now(),
  run_date date NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  record_type text NOT NULL,
  keep_years int NOT NULL,
  removed_count int NOT NULL CHECK (removed_count >= 0)
);
CREATE INDEX retention_runs_ran_at ON retention_runs (ran_at);

CREATE FUNCTION retention_runs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'retention_runs is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER retention_runs_append_only BEFORE UPDATE OR DELETE ON retention_runs
  FOR EACH ROW EXECUTE FUNCTION retention_runs_append_only();
`).execute(db);
}
