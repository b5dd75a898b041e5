import { sql, type Kysely } from 'kysely';

// The core schema. Person-level tables carry `controller_org_id`, the organisation that controls
// the record (domain.md, data-protection model 1); figures read only anonymous facts
// (gender, age at start, dates, reasons), so removing identity never changes a past figure.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
CREATE TABLE code_list_entries (
  list text NOT NULL,
  code text NOT NULL,
  label text NOT NULL,
  group_code text,
  sort_order int NOT NULL,
  valid_from date NOT NULL DEFAULT '2000-01-01',
  valid_to date,
  PRIMARY KEY (list, code)
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL,
  org_number text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An organisation can be a member of several förbund (AF and FK are members of most).
CREATE TABLE association_members (
  association_id uuid NOT NULL REFERENCES organisations(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (association_id, organisation_id)
);

CREATE TABLE interventions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  association_id uuid REFERENCES organisations(id),
  start_date date NOT NULL,
  end_date date,
  orientation text NOT NULL CHECK (orientation IN ('individual', 'structural')),
  follow_up text NOT NULL CHECK (follow_up IN ('individual', 'count_only')),
  places int CHECK (places >= 0),
  volume_target int CHECK (volume_target >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interventions_association ON interventions (association_id);

-- A yearly target overrides the intervention's standing volume_target for that year.
CREATE TABLE intervention_volume_targets (
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  year int NOT NULL,
  target int NOT NULL CHECK (target >= 0),
  PRIMARY KEY (intervention_id, year)
);

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  name text NOT NULL,
  UNIQUE (intervention_id, name)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A role is held through an assignment. Case work and leads are assigned to an intervention or a
-- team; förbund roles to an association; organisation roles to the user's own organisation.
CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL,
  intervention_id uuid REFERENCES interventions(id),
  team_id uuid REFERENCES teams(id),
  association_id uuid REFERENCES organisations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (role IN ('case_worker', 'intervention_lead') AND association_id IS NULL
      AND (intervention_id IS NOT NULL) <> (team_id IS NOT NULL))
    OR (role IN ('association_admin', 'report_reader') AND association_id IS NOT NULL
      AND intervention_id IS NULL AND team_id IS NULL)
    OR (role IN ('org_admin', 'log_reviewer', 'system_admin') AND association_id IS NULL
      AND intervention_id IS NULL AND team_id IS NULL)
  )
);
CREATE INDEX assignments_user ON assignments (user_id);
CREATE UNIQUE INDEX assignments_unique ON assignments (
  user_id, role, coalesce(intervention_id, team_id, association_id, '00000000-0000-0000-0000-000000000000'::uuid)
);

-- SUS kept the förbund's role apart from case work: the database refuses the combination too.
CREATE FUNCTION assignments_keep_roles_apart() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.role = 'association_admin' AND EXISTS (
        SELECT 1 FROM assignments WHERE user_id = NEW.user_id AND role = 'case_worker'))
     OR (NEW.role = 'case_worker' AND EXISTS (
        SELECT 1 FROM assignments WHERE user_id = NEW.user_id AND role = 'association_admin')) THEN
    RAISE EXCEPTION 'association_admin may not also hold case_worker' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER assignments_keep_roles_apart BEFORE INSERT OR UPDATE ON assignments
  FOR EACH ROW EXECUTE FUNCTION assignments_keep_roles_apart();

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  participant_ref text,
  personnummer text,
  first_name text,
  last_name text,
  gender text NOT NULL,
  birth_year int,
  identity_removed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (controller_org_id, participant_ref),
  UNIQUE (controller_org_id, personnummer)
);

CREATE TABLE enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  team_id uuid REFERENCES teams(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  -- Anonymous facts behind the figures, kept when identity is removed.
  gender text NOT NULL,
  age_at_start int,
  start_date date NOT NULL,
  exit_date date,
  exit_reason text,
  exit_detail text,
  referrer_org_id uuid REFERENCES organisations(id),
  income_before text[] NOT NULL DEFAULT '{}',
  occupation_before text,
  occupation_before_extent int CHECK (occupation_before_extent BETWEEN 0 AND 100),
  education text,
  support_time text,
  target_groups text[] NOT NULL DEFAULT '{}',
  income_after text[] NOT NULL DEFAULT '{}',
  occupation_after text,
  occupation_after_extent int CHECK (occupation_after_extent BETWEEN 0 AND 100),
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (exit_date IS NULL OR exit_date >= start_date),
  CHECK ((exit_date IS NULL) = (exit_reason IS NULL)),
  UNIQUE (person_id, intervention_id, start_date)
);
CREATE INDEX enrolments_intervention_start ON enrolments (intervention_id, start_date);
CREATE INDEX enrolments_intervention_exit ON enrolments (intervention_id, exit_date);
CREATE INDEX enrolments_team ON enrolments (team_id);
CREATE INDEX enrolments_person ON enrolments (person_id);

CREATE TABLE anonymous_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  team_id uuid REFERENCES teams(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  year int NOT NULL,
  gender text NOT NULL,
  count int NOT NULL DEFAULT 1 CHECK (count > 0),
  birth_year int,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX anonymous_registrations_intervention ON anonymous_registrations (intervention_id, year);

-- OSL 12:2: a consent names the parties that may share information about the person.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  given_date date NOT NULL,
  method text NOT NULL CHECK (method IN ('written', 'oral_documented')),
  document_ref text,
  withdrawn_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consents_person ON consents (person_id);

CREATE TABLE consent_parties (
  consent_id uuid NOT NULL REFERENCES consents(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consent_id, organisation_id)
);
CREATE INDEX consent_parties_org ON consent_parties (organisation_id);

CREATE TABLE import_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  file_sha256 text NOT NULL,
  row_count int NOT NULL,
  user_id uuid REFERENCES users(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, file_sha256)
);

-- Append-only: who did what to whose data, kept apart from the records' own retention.
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  request_id text,
  actor_user_id uuid,
  actor_org_id uuid,
  actor_role text,
  action text NOT NULL,
  entity text NOT NULL,
  person_id uuid,
  enrolment_id uuid,
  purpose text,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  details jsonb
);
CREATE INDEX audit_events_person ON audit_events (person_id, at);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, at);
CREATE INDEX audit_events_at ON audit_events (at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
`).execute(db);
}
