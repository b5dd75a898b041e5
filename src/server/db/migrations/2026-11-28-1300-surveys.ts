import { sql, type Kysely } from 'kysely';

// Participant surveys (issue 13). Questionnaires are data: a question is stored per version, and a
// changed question is a new version (the old one retired), so answers never mix across versions.
// A sending is a personal link for one enrolment: only the sha256 of its token is stored, it
// expires and takes one answer. An anonymous link belongs to an intervention, and its answers are
// linked to no one (the CHECK below). Answers linked to an enrolment are person data of the
// intervention's owner (access/personal-data.ts); free text can be hidden from results.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE questionnaires (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE survey_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
  key text NOT NULL,
  version int NOT NULL CHECK (version >= 1),
  position int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('frequency', 'extent', 'step', 'yes_no', 'single', 'multiple', 'text')),
  variants text[] NOT NULL,
  options text[],
  range_min int,
  range_max int,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (questionnaire_id, key, version)
);
CREATE UNIQUE INDEX survey_questions_current ON survey_questions (questionnaire_id, key) WHERE retired_at IS NULL;

CREATE TABLE survey_translations (
  question_id uuid NOT NULL REFERENCES survey_questions(id),
  language text NOT NULL,
  wording text NOT NULL,
  option_labels text[],
  updated_by_user_id uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (question_id, language)
);

CREATE TABLE survey_sendings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
  variant text NOT NULL CHECK (variant IN ('start', 'during', 'exit')),
  enrolment_id uuid NOT NULL REFERENCES enrolments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  token_hash text NOT NULL UNIQUE,
  sent_by_user_id uuid REFERENCES users(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  answered_at timestamptz
);
CREATE INDEX survey_sendings_enrolment ON survey_sendings (enrolment_id, sent_at);
CREATE INDEX survey_sendings_intervention ON survey_sendings (intervention_id, variant);

CREATE TABLE survey_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  variant text NOT NULL CHECK (variant IN ('start', 'during', 'exit')),
  token_hash text NOT NULL UNIQUE,
  created_by_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX survey_links_intervention ON survey_links (intervention_id);

CREATE TABLE survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  variant text NOT NULL CHECK (variant IN ('start', 'during', 'exit')),
  sending_id uuid UNIQUE REFERENCES survey_sendings(id),
  link_id uuid REFERENCES survey_links(id),
  enrolment_id uuid REFERENCES enrolments(id),
  person_id uuid REFERENCES persons(id),
  language text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  -- A personal sending's answer belongs to its enrolment; an anonymous link's to no one.
  CHECK ((sending_id IS NOT NULL AND link_id IS NULL AND enrolment_id IS NOT NULL AND person_id IS NOT NULL)
      OR (sending_id IS NULL AND link_id IS NOT NULL AND enrolment_id IS NULL AND person_id IS NULL))
);
CREATE INDEX survey_responses_intervention ON survey_responses (intervention_id, variant);
CREATE INDEX survey_responses_person ON survey_responses (person_id);

CREATE TABLE survey_answers (
  response_id uuid NOT NULL REFERENCES survey_responses(id),
  question_id uuid NOT NULL REFERENCES survey_questions(id),
  -- The response's person, copied so identity removal clears the free text by person.
  person_id uuid REFERENCES persons(id),
  value int,
  choices text[],
  free_text text,
  hidden_at timestamptz,
  hidden_by_user_id uuid REFERENCES users(id),
  PRIMARY KEY (response_id, question_id),
  CHECK (num_nonnulls(value, choices, free_text) <= 1)
);
CREATE INDEX survey_answers_person ON survey_answers (person_id) WHERE person_id IS NOT NULL;

-- Free text can name the person: none in the answers of a protected person (data-protection model 5).
CREATE FUNCTION survey_answers_no_free_text_when_protected() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM persons WHERE id = NEW.person_id AND protected_identity) THEN
    RAISE EXCEPTION 'free text is not stored for a protected person' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER survey_answers_no_free_text_when_protected BEFORE INSERT OR UPDATE ON survey_answers
  FOR EACH ROW WHEN (NEW.free_text IS NOT NULL AND NEW.person_id IS NOT NULL)
  EXECUTE FUNCTION survey_answers_no_free_text_when_protected();
`.execute(db);
}
