import { sql, type Kysely } from 'kysely';

// Report documents boards receive (issue 12, items 5–6). A template is data: its sections say
// which are written by the lead and which tables fill themselves. A document snapshots its
// template's sections when created; submitting freezes the filled document as one JSON text with
// its sha256, and the database keeps a frozen version (and the history of transitions) from ever
// changing. None of it is about a participant: the figures inside are aggregates, suppressed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE report_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Built-in templates have a code and no förbund; a förbund's copy has its förbund.
  code text,
  association_id uuid REFERENCES organisations(id),
  based_on uuid REFERENCES report_templates(id),
  kind text NOT NULL CHECK (kind IN ('tertial', 'year', 'delrapport', 'slutrapport')),
  name text NOT NULL,
  sections jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((code IS NULL) <> (association_id IS NULL))
);
CREATE UNIQUE INDEX report_templates_built_in ON report_templates (code) WHERE association_id IS NULL;

CREATE TABLE report_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  template_id uuid NOT NULL REFERENCES report_templates(id),
  template_name text NOT NULL,
  sections jsonb NOT NULL,
  period text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published')),
  narratives jsonb NOT NULL DEFAULT '{}',
  published_version int,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (intervention_id, template_id, period)
);

CREATE TABLE report_document_versions (
  document_id uuid NOT NULL REFERENCES report_documents(id),
  version int NOT NULL CHECK (version > 0),
  content text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 = encode(sha256(convert_to(content, 'UTF8')), 'hex')),
  submitted_by uuid NOT NULL REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, version)
);

CREATE TABLE report_document_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES report_documents(id),
  version int NOT NULL,
  to_status text NOT NULL CHECK (to_status IN ('draft', 'submitted', 'returned', 'approved', 'published')),
  message text,
  actor_user_id uuid NOT NULL REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_document_events_document ON report_document_events (document_id, at);

CREATE TABLE report_document_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES report_documents(id),
  question text NOT NULL,
  asked_by uuid NOT NULL REFERENCES users(id),
  asked_at timestamptz NOT NULL DEFAULT now(),
  reply text,
  replied_by uuid REFERENCES users(id),
  replied_at timestamptz
);
CREATE INDEX report_document_questions_document ON report_document_questions (document_id, asked_at);

-- Submitted means frozen: a version and the history of transitions are written once, never changed.
CREATE FUNCTION report_frozen_never_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a submitted report version and its history never change' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER report_document_versions_frozen BEFORE UPDATE OR DELETE ON report_document_versions
  FOR EACH ROW EXECUTE FUNCTION report_frozen_never_changes();
CREATE TRIGGER report_document_events_frozen BEFORE UPDATE OR DELETE ON report_document_events
  FOR EACH ROW EXECUTE FUNCTION report_frozen_never_changes();
`.execute(db);
}
