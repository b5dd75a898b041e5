import { sql, type Kysely } from 'kysely';

// Activities and placements (issue 10, item 5) and the förbund's workplace register. A workplace,
// its supervisors and its places are no participant's data: the register is shared by the staff of
// the förbund's parties. Who is placed where is: an activity is a case record of category `plan`,
// controlled by the organisation whose staff wrote it (access/case-record-policy.ts), and the
// register shows who is placed or queued only through that rule (access/workplace-policy.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE workplaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  sector text CHECK (sector IN ('municipal', 'regional', 'state', 'private', 'non_profit')),
  org_number text CHECK (org_number ~ '^[0-9]{6}-[0-9]{4}$'),
  address text,
  created_by_org_id uuid REFERENCES organisations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The import matches a workplace on its organisation number when given, otherwise on its name.
CREATE UNIQUE INDEX workplaces_org_number ON workplaces (association_id, org_number) WHERE org_number IS NOT NULL;
CREATE INDEX workplaces_name ON workplaces (association_id, lower(name));

-- The employer's contact persons (handledare): staff of the workplace, not participants.
CREATE TABLE workplace_supervisors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workplace_id uuid NOT NULL REFERENCES workplaces(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  phone text,
  email text
);
CREATE INDEX workplace_supervisors_workplace ON workplace_supervisors (workplace_id);

-- Places the workplace offers per activity type (capacity).
CREATE TABLE workplace_places (
  workplace_id uuid NOT NULL REFERENCES workplaces(id),
  activity_type text NOT NULL,
  places int NOT NULL CHECK (places BETWEEN 0 AND 10000),
  PRIMARY KEY (workplace_id, activity_type)
);

-- An activity or placement of one enrolment. end_date is the planned end, set to the real one
-- when the activity ends. An employment carries its type and whether it extends an earlier one.
-- status 'planned' at a workplace is the workplace's queue; 'cancelled' never took place.
CREATE TABLE activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enrolment_id uuid NOT NULL REFERENCES enrolments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  controller_org_id uuid NOT NULL REFERENCES organisations(id),
  health boolean NOT NULL DEFAULT false,
  activity_type text NOT NULL,
  employment_type text,
  extension boolean NOT NULL DEFAULT false,
  workplace_id uuid REFERENCES workplaces(id),
  provider text,
  supervisor_id uuid REFERENCES workplace_supervisors(id),
  start_date date NOT NULL,
  end_date date,
  hours_per_week numeric(4, 1) CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'completed', 'interrupted', 'cancelled')),
  notes text,
  created_by_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((activity_type = 'employment') = (employment_type IS NOT NULL)),
  CHECK (activity_type = 'employment' OR NOT extension),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX activities_enrolment ON activities (enrolment_id, start_date);
CREATE INDEX activities_person ON activities (person_id);
CREATE INDEX activities_workplace ON activities (workplace_id) WHERE workplace_id IS NOT NULL;
CREATE INDEX activities_start ON activities (start_date);

-- No free text about a protected person (data-protection model 5), as for the other case records.
CREATE TRIGGER activities_no_free_text_when_protected BEFORE INSERT OR UPDATE ON activities
  FOR EACH ROW WHEN (NEW.notes IS NOT NULL OR NEW.provider IS NOT NULL)
  EXECUTE FUNCTION case_records_no_free_text_when_protected();
`.execute(db);
}
