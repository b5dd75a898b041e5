import { sql, type Kysely } from 'kysely';

// Goals, budget and actual costs per intervention (issue 12, items 1–2). None of it is about a
// participant: figures come from the enrolments when a goal is judged, never stored here.
// Amounts are kronor with öre (numeric(14, 2)); a month is its first day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE intervention_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('volume', 'work_or_studies', 'further_step', 'completion', 'employment', 'survey', 'manual')),
  title text NOT NULL,
  target numeric NOT NULL CHECK (target >= 0),
  exit_groups text[] NOT NULL DEFAULT '{}',
  employment_types text[] NOT NULL DEFAULT '{}',
  employment_measure text CHECK (employment_measure IN ('started', 'persons')),
  survey_question text,
  stated_value text,
  stated_met boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intervention_goals_intervention ON intervention_goals (intervention_id, period);

CREATE TABLE intervention_grants (
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  year int NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (intervention_id, year)
);

CREATE TABLE intervention_budget_lines (
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  year int NOT NULL,
  cost_category text NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (intervention_id, year, cost_category)
);

CREATE TABLE intervention_costs (
  intervention_id uuid NOT NULL REFERENCES interventions(id),
  month date NOT NULL CHECK (extract(day from month) = 1),
  cost_category text NOT NULL,
  amount numeric(14, 2) NOT NULL,
  source text NOT NULL CHECK (source IN ('manual', 'import')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (intervention_id, month, cost_category)
);
`.execute(db);
}
