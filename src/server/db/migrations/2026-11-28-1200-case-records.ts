import { sql, type Kysely } from 'kysely';

// The shared case (issue 10): consent categories, the action plan and meetings. Every case record
// carries its enrolment, its person (so identity removal and the retention clock reach it like the
// other registry tables), the organisation whose staff wrote it (its controller, OSL: each
// authority controls its own documentation) and a `health` mark. Who sees a record is decided in
// access/case-record-policy.ts. Free-text columns are nullable: identity removal clears them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
-- Consent per party AND per category of information (plan, meetings, health). Parties recorded
-- before categories existed covered the whole case as it was then: plan and meetings.
ALTER TABLE consent_parties ADD COLUMN categories text[] NOT NULL DEFAULT '{plan,meetings}'
  CHECK (categories <@ '{plan,meetings,health}'::text[]);

-- One action plan per enrolment, controlled like the enrolment it belongs to. It holds no text: the
-- goal, the participant's own words and the next follow-up date are in its revisions, each
-- controlled by its author's organisation.
CREATE TABLE action_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enrolment_id uuid NOT NULL UNIQUE REFERENCES enrolments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  health boolean NOT NULL DEFAULT false,
  created_by_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_plans_person ON action_plans (person_id);

-- Every save of a plan: who, organisation, when, the plan's fields as saved, and what changed
-- (field names, sub-goal ids, codes and dates: never free text).
CREATE TABLE plan_revisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES action_plans(id),
  enrolment_id uuid NOT NULL REFERENCES enrolments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  health boolean NOT NULL DEFAULT false,
  author_user_id uuid REFERENCES users(id),
  revised_at timestamptz NOT NULL DEFAULT now(),
  main_goal text,
  own_words text,
  next_follow_up date,
  changes jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX plan_revisions_plan ON plan_revisions (plan_id, revised_at);
CREATE INDEX plan_revisions_enrolment ON plan_revisions (enrolment_id);
CREATE INDEX plan_revisions_person ON plan_revisions (person_id);

CREATE TABLE plan_sub_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES action_plans(id),
  enrolment_id uuid NOT NULL REFERENCES enrolments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  health boolean NOT NULL DEFAULT false,
  text text,
  -- The party responsible for the step; NULL: the participant themself.
  responsible_org_id uuid REFERENCES organisations(id),
  target_date date,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'ongoing', 'reached', 'dropped')),
  created_by_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_sub_goals_plan ON plan_sub_goals (plan_id, created_at);
CREATE INDEX plan_sub_goals_enrolment ON plan_sub_goals (enrolment_id);
CREATE INDEX plan_sub_goals_person ON plan_sub_goals (person_id);

-- Meetings (möten): a SIP meeting is the type 'sip', so it can be counted.
CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enrolment_id uuid NOT NULL REFERENCES enrolments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  health boolean NOT NULL DEFAULT false,
  type text NOT NULL CHECK (type IN ('mapping', 'three_party', 'sip', 'follow_up', 'consultation', 'matching', 'workplace_visit', 'other')),
  held_at timestamptz NOT NULL,
  participant_present boolean NOT NULL DEFAULT true,
  -- Staff who took part (their organisation is the user's); others only by role, never by name.
  staff_user_ids uuid[] NOT NULL DEFAULT '{}',
  other_roles text[] NOT NULL DEFAULT '{}'
    CHECK (other_roles <@ '{employer,health_care,school,relative,interpreter,provider,other}'::text[]),
  notes text,
  next_meeting_at timestamptz,
  created_by_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_enrolment ON meetings (enrolment_id, held_at);
CREATE INDEX meetings_person ON meetings (person_id);
CREATE INDEX meetings_held ON meetings (held_at);

-- Agreed actions of a meeting, each optionally linked to a sub-goal; part of the meeting's record.
CREATE TABLE meeting_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  position int NOT NULL,
  text text,
  sub_goal_id uuid REFERENCES plan_sub_goals(id)
);
CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id, position);
CREATE INDEX meeting_actions_person ON meeting_actions (person_id);

-- Free text can name the person: none for a protected person (data-protection model 5), as on
-- enrolments. The WHEN clauses keep the lookup off writes without free text.
CREATE FUNCTION case_records_no_free_text_when_protected() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM persons WHERE id = NEW.person_id AND protected_identity) THEN
    RAISE EXCEPTION 'free text is not stored for a protected person' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_revisions_no_free_text_when_protected BEFORE INSERT OR UPDATE ON plan_revisions
  FOR EACH ROW WHEN (NEW.main_goal IS NOT NULL OR NEW.own_words IS NOT NULL)
  EXECUTE FUNCTION case_records_no_free_text_when_protected();
CREATE TRIGGER plan_sub_goals_no_free_text_when_protected BEFORE INSERT OR UPDATE ON plan_sub_goals
  FOR EACH ROW WHEN (NEW.text IS NOT NULL)
  EXECUTE FUNCTION case_records_no_free_text_when_protected();
CREATE TRIGGER meetings_no_free_text_when_protected BEFORE INSERT OR UPDATE ON meetings
  FOR EACH ROW WHEN (NEW.notes IS NOT NULL)
  EXECUTE FUNCTION case_records_no_free_text_when_protected();
CREATE TRIGGER meeting_actions_no_free_text_when_protected BEFORE INSERT OR UPDATE ON meeting_actions
  FOR EACH ROW WHEN (NEW.text IS NOT NULL)
  EXECUTE FUNCTION case_records_no_free_text_when_protected();
`.execute(db);
}
