import type { ColumnType, Generated } from 'kysely';
import type { TemplateSection } from '../../core/reports/templates.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<string>;

export interface CodeListEntriesTable {
  list: string;
  code: string;
  label: string;
  group_code: string | null;
  sort_order: number;
  valid_from: Generated<string>;
  valid_to: string | null;
}

export interface OrganisationsTable {
  id: Id;
  code: string;
  name: string;
  kind: string;
  org_number: string | null;
  created_at: Generated<Date>;
}

export interface AssociationMembersTable {
  association_id: string;
  organisation_id: string;
}

export interface InterventionsTable {
  id: Id;
  code: string;
  name: string;
  owner_org_id: string;
  association_id: string | null;
  start_date: string;
  end_date: string | null;
  orientation: 'individual' | 'structural';
  follow_up: 'individual' | 'count_only';
  /** How the intervention is followed up (uppföljningsmetod): Stegvis, SUS or another system. */
  follow_up_method: Generated<'stegvis' | 'sus' | 'other'>;
  places: number | null;
  volume_target: number | null;
  created_at: Generated<Date>;
}

export interface InterventionVolumeTargetsTable {
  intervention_id: string;
  year: number;
  target: number;
}

export interface TeamsTable {
  id: Id;
  intervention_id: string;
  name: string;
}

export interface UsersTable {
  id: Id;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  /** The single sign-on identity the user is bound to (migration 0400); null until the first sign-on. */
  oidc_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  /** The password is temporary (set by an administrator or the CLI) and must be changed before anything else (migration 0300). */
  password_must_change: Generated<boolean>;
}

export interface AssignmentsTable {
  id: Id;
  user_id: string;
  role: string;
  intervention_id: string | null;
  team_id: string | null;
  association_id: string | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface PersonsTable {
  id: Id;
  controller_org_id: string;
  participant_ref: string | null;
  personnummer: string | null;
  first_name: string | null;
  last_name: string | null;
  gender: string;
  birth_year: number | null;
  identity_removed_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Migration 0200: sekretessmarkering / skyddad folkbokföring; identity columns stay NULL (CHECK). */
  protected_identity: Generated<boolean>;
}

export interface EnrolmentsTable {
  id: Id;
  person_id: string;
  intervention_id: string;
  team_id: string | null;
  controller_org_id: string;
  gender: string;
  age_at_start: number | null;
  start_date: string;
  exit_date: string | null;
  exit_reason: string | null;
  exit_detail: string | null;
  /** Migration 2026-11-28-1400: the planned activity completed (fullföljd); null = not recorded. */
  exit_completed: boolean | null;
  referrer_org_id: string | null;
  income_before: ColumnType<string[], string[] | undefined, string[]>;
  occupation_before: string | null;
  occupation_before_extent: number | null;
  education: string | null;
  support_time: string | null;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  income_after: ColumnType<string[], string[] | undefined, string[]>;
  occupation_after: string | null;
  occupation_after_extent: number | null;
  notes: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AnonymousRegistrationsTable {
  id: Id;
  intervention_id: string;
  team_id: string | null;
  controller_org_id: string;
  year: number;
  gender: string;
  count: Generated<number>;
  birth_year: number | null;
  created_at: Generated<Date>;
}

export interface ConsentsTable {
  id: Id;
  person_id: string;
  controller_org_id: string;
  given_date: string;
  method: 'written' | 'oral_documented';
  document_ref: string | null;
  withdrawn_at: Timestamp | null;
  created_at: Generated<Date>;
  /** Migration 0200: the day the person withdrew consent (withdrawn_at: when it took effect). */
  withdrawn_date: Generated<string | null>;
}

export interface ConsentPartiesTable {
  consent_id: string;
  organisation_id: string;
  added_at: Generated<Date>;
  /** Migration 2026-11-28-1200: the categories of information shared with this party. */
  categories: Generated<CaseCategoryCode[]>;
}

export type CaseCategoryCode = 'plan' | 'meetings' | 'health';

export interface ImportBatchesTable {
  id: Id;
  kind: string;
  file_sha256: string;
  row_count: number;
  user_id: string | null;
  imported_at: Generated<Date>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Generated<Date>;
  request_id: string | null;
  actor_user_id: string | null;
  actor_org_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  person_id: string | null;
  enrolment_id: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied';
  details: unknown;
  /** Set by the audit_events_content_hash trigger (migration 1100), never by the writer. */
  controller_org_id: Generated<string | null>;
  /** sha256 of audit_event_content(row); chained by audit_seals. */
  hash: Generated<Buffer>;
  /** The writing transaction's id (xid8, as text): the sealer's order is (xid, id). */
  xid: Generated<string>;
  /** Migration 0200: set by a trigger when the event concerns a person with protected identity. */
  protected: Generated<boolean>;
}

/** Migration 1100: the audit sealer's chain over committed audit events (issue 11). */
export interface AuditSealsTable {
  id: Generated<number>;
  sealed_at: Generated<Date>;
  last_xid: string;
  last_id: number;
  row_count: number;
  prev_hash: Buffer;
  hash: Buffer;
}

/** Migration 0200: retention (gallring) per organisation and record type (data-protection model 8). */
export interface RetentionRulesTable {
  organisation_id: string;
  record_type: 'person_identity' | 'audit_event';
  keep_years: number;
  updated_at: Generated<Date>;
}

/** Migration 0200: what a retention run removed, as counts only. Append-only. */
export interface RetentionRunsTable {
  id: Id;
  run_id: string;
  ran_at: Generated<Date>;
  run_date: string;
  organisation_id: string;
  record_type: string;
  keep_years: number;
  removed_count: number;
}

/** Migration 2026-11-28-0400: corrections of an enrolment, old → new per field (no names or free text). */
export interface EnrolmentRevisionsTable {
  id: Id;
  enrolment_id: string;
  person_id: string;
  controller_org_id: string;
  kind: 'correction' | 'exit' | 'reopen';
  changed_by_user_id: string | null;
  changed_by_org_id: string | null;
  changed_at: Generated<Date>;
  affects_from: string;
  fields: ColumnType<RevisionChange[], string, string>;
}

/** One field of a revision; `from`/`to` are absent for names and free text (only that they changed). */
export type RevisionChange = { field: string; from?: RevisionValue; to?: RevisionValue };
export type RevisionValue = string | number | boolean | string[] | null;

/** Migration 2026-11-28-1200: one action plan per enrolment; its content is in its revisions. */
export interface ActionPlansTable {
  id: Id;
  enrolment_id: string;
  person_id: string;
  controller_org_id: string;
  health: Generated<boolean>;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One change a plan revision records: codes, dates and ids only, never free text. */
export type PlanChange = { field: string; subGoalId?: string; to?: string | null };

/** Migration 2026-11-28-1200: every save of a plan, controlled by its author's organisation. */
export interface PlanRevisionsTable {
  id: Id;
  plan_id: string;
  enrolment_id: string;
  person_id: string;
  controller_org_id: string;
  health: Generated<boolean>;
  author_user_id: string | null;
  revised_at: Generated<Date>;
  main_goal: string | null;
  own_words: string | null;
  next_follow_up: string | null;
  changes: ColumnType<PlanChange[], string | undefined, string>;
}

export type SubGoalStatus = 'not_started' | 'ongoing' | 'reached' | 'dropped';

/** Migration 2026-11-28-1200: a sub-goal (delmål), controlled by the organisation that wrote it. */
export interface PlanSubGoalsTable {
  id: Id;
  plan_id: string;
  enrolment_id: string;
  person_id: string;
  controller_org_id: string;
  health: Generated<boolean>;
  text: string | null;
  responsible_org_id: string | null;
  target_date: string | null;
  status: Generated<SubGoalStatus>;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Migration 2026-11-28-1200: a meeting about one enrolment, controlled by its author's organisation. */
export interface MeetingsTable {
  id: Id;
  enrolment_id: string;
  person_id: string;
  controller_org_id: string;
  health: Generated<boolean>;
  type: string;
  held_at: Timestamp;
  participant_present: Generated<boolean>;
  staff_user_ids: Generated<string[]>;
  other_roles: Generated<string[]>;
  notes: string | null;
  next_meeting_at: Timestamp | null;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Migration 2026-11-28-1200: an action agreed at a meeting, optionally for a sub-goal. */
export interface MeetingActionsTable {
  id: Id;
  meeting_id: string;
  person_id: string;
  position: number;
  text: string | null;
  sub_goal_id: string | null;
}

/** Migration 2026-11-28-1210: the förbund's workplace register (no participant data). */
export interface WorkplacesTable {
  id: Id;
  association_id: string;
  name: string;
  sector: string | null;
  org_number: string | null;
  address: string | null;
  created_by_org_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WorkplaceSupervisorsTable {
  id: Id;
  workplace_id: string;
  name: string;
  phone: string | null;
  email: string | null;
}

export interface WorkplacePlacesTable {
  workplace_id: string;
  activity_type: string;
  places: number;
}

export type ActivityStatusCode = 'planned' | 'ongoing' | 'completed' | 'interrupted' | 'cancelled';

/** Migration 2026-11-28-1210: an activity or placement, a case record of category `plan`. */
export interface ActivitiesTable {
  id: Id;
  enrolment_id: string;
  person_id: string;
  controller_org_id: string;
  health: Generated<boolean>;
  activity_type: string;
  employment_type: string | null;
  extension: Generated<boolean>;
  workplace_id: string | null;
  provider: string | null;
  supervisor_id: string | null;
  start_date: string;
  end_date: string | null;
  /** numeric(4,1), read as a number (db/connection.ts). */
  hours_per_week: number | null;
  status: Generated<ActivityStatusCode>;
  notes: string | null;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Failed password logins, by hashed account and address key (migration 0400, ASVS 6.3.1). */
export interface LoginAttemptsTable {
  id: Generated<number>;
  account_key: string;
  address_key: string;
  attempted_at: Generated<Date>;
}

/** A single sign-on in progress: the browser holds only the id (migration 0400). */
export interface OidcFlowsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

/** Migration 2026-11-28-1300 (issue 13): questionnaires, one row per version of a question. */
export interface QuestionnairesTable {
  id: Id;
  code: string;
  name: string;
  created_at: Generated<Date>;
}

export interface SurveyQuestionsTable {
  id: Id;
  questionnaire_id: string;
  key: string;
  version: number;
  position: number;
  kind: string;
  variants: string[];
  options: string[] | null;
  range_min: number | null;
  range_max: number | null;
  retired_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SurveyTranslationsTable {
  question_id: string;
  language: string;
  wording: string;
  option_labels: string[] | null;
  updated_by_user_id: string | null;
  updated_at: Generated<Date>;
}

/** A personal link for one enrolment: only the token's sha256 is stored. */
export interface SurveySendingsTable {
  id: Id;
  questionnaire_id: string;
  variant: string;
  enrolment_id: string;
  person_id: string;
  intervention_id: string;
  controller_org_id: string;
  token_hash: string;
  sent_by_user_id: string | null;
  sent_at: Generated<Date>;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
}

/** An anonymous link of an intervention: its answers are linked to no one. */
export interface SurveyLinksTable {
  id: Id;
  questionnaire_id: string;
  intervention_id: string;
  variant: string;
  token_hash: string;
  created_by_user_id: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SurveyResponsesTable {
  id: Id;
  questionnaire_id: string;
  intervention_id: string;
  controller_org_id: string;
  variant: string;
  sending_id: string | null;
  link_id: string | null;
  enrolment_id: string | null;
  person_id: string | null;
  language: string;
  submitted_at: Generated<Date>;
}

export interface SurveyAnswersTable {
  response_id: string;
  question_id: string;
  person_id: string | null;
  value: number | null;
  choices: string[] | null;
  free_text: string | null;
  hidden_at: Timestamp | null;
  hidden_by_user_id: string | null;
}

/** Amounts (numeric(14, 2)) and goal targets (numeric) are read as strings, written as numbers. */
type Numeric = ColumnType<string, number, number>;

/** Migration 2026-11-28-1400-goals-and-budget: goals, grants, budget and actual costs (issue 12). */
export interface InterventionGoalsTable {
  id: Id;
  intervention_id: string;
  period: string;
  kind: 'volume' | 'work_or_studies' | 'further_step' | 'completion' | 'employment' | 'survey' | 'manual';
  title: string;
  target: Numeric;
  exit_groups: ColumnType<string[], string[] | undefined, string[]>;
  employment_types: ColumnType<string[], string[] | undefined, string[]>;
  employment_measure: 'started' | 'persons' | null;
  survey_question: string | null;
  stated_value: string | null;
  stated_met: boolean | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InterventionGrantsTable {
  intervention_id: string;
  year: number;
  amount: Numeric;
}

/** The year's administrative costs (national follow-up); no participant data. */
/** A decided family of calendar periods (migration 1600): its suppressed reports, keyed by the hash of its input. */
export interface SuppressionDecisionsTable {
  key: string;
  intervention_id: string | null;
  decided_at: Generated<Date>;
  family: unknown;
}

/** A hint that an intervention's counted history changed (written by triggers). */
export interface SuppressionDirtyTable {
  id: Generated<string>;
  intervention_id: string;
  marked_at: Generated<Date>;
}

export interface InterventionAdminCostsTable {
  intervention_id: string;
  year: number;
  amount: Numeric;
}

export interface InterventionBudgetLinesTable {
  intervention_id: string;
  year: number;
  cost_category: string;
  amount: Numeric;
}

export interface InterventionCostsTable {
  intervention_id: string;
  /** The month's first day. */
  month: string;
  cost_category: string;
  amount: Numeric;
  source: 'manual' | 'import';
  updated_at: Generated<Date>;
}

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

export interface ReportTemplatesTable {
  id: Id;
  code: string | null;
  association_id: string | null;
  based_on: string | null;
  kind: 'tertial' | 'year' | 'delrapport' | 'slutrapport';
  name: string;
  sections: ColumnType<TemplateSection[], string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReportDocumentsTable {
  id: Id;
  intervention_id: string;
  template_id: string;
  template_name: string;
  sections: ColumnType<TemplateSection[], string, string>;
  period: string;
  period_from: string;
  period_to: string;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  narratives: ColumnType<Record<string, string>, string | undefined, string>;
  published_version: number | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReportDocumentVersionsTable {
  document_id: string;
  version: number;
  content: string;
  sha256: string;
  submitted_by: string;
  submitted_at: Generated<Date>;
}

export interface ReportDocumentEventsTable {
  id: Id;
  document_id: string;
  version: number;
  to_status: ReportStatus;
  message: string | null;
  actor_user_id: string;
  at: Generated<Date>;
}

export interface ReportDocumentQuestionsTable {
  id: Id;
  document_id: string;
  question: string;
  asked_by: string;
  asked_at: Generated<Date>;
  reply: string | null;
  replied_by: string | null;
  replied_at: Date | null;
}

export interface Database {
  code_list_entries: CodeListEntriesTable;
  organisations: OrganisationsTable;
  association_members: AssociationMembersTable;
  interventions: InterventionsTable;
  intervention_volume_targets: InterventionVolumeTargetsTable;
  teams: TeamsTable;
  users: UsersTable;
  assignments: AssignmentsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  oidc_flows: OidcFlowsTable;
  persons: PersonsTable;
  enrolments: EnrolmentsTable;
  anonymous_registrations: AnonymousRegistrationsTable;
  consents: ConsentsTable;
  consent_parties: ConsentPartiesTable;
  import_batches: ImportBatchesTable;
  audit_events: AuditEventsTable;
  audit_seals: AuditSealsTable;
  retention_rules: RetentionRulesTable;
  retention_runs: RetentionRunsTable;
  enrolment_revisions: EnrolmentRevisionsTable;
  action_plans: ActionPlansTable;
  plan_revisions: PlanRevisionsTable;
  plan_sub_goals: PlanSubGoalsTable;
  meetings: MeetingsTable;
  meeting_actions: MeetingActionsTable;
  workplaces: WorkplacesTable;
  workplace_supervisors: WorkplaceSupervisorsTable;
  workplace_places: WorkplacePlacesTable;
  activities: ActivitiesTable;
  questionnaires: QuestionnairesTable;
  survey_questions: SurveyQuestionsTable;
  survey_translations: SurveyTranslationsTable;
  survey_sendings: SurveySendingsTable;
  survey_links: SurveyLinksTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  intervention_goals: InterventionGoalsTable;
  intervention_grants: InterventionGrantsTable;
  intervention_budget_lines: InterventionBudgetLinesTable;
  intervention_admin_costs: InterventionAdminCostsTable;
  suppression_decisions: SuppressionDecisionsTable;
  suppression_dirty: SuppressionDirtyTable;
  intervention_costs: InterventionCostsTable;
  report_templates: ReportTemplatesTable;
  report_documents: ReportDocumentsTable;
  report_document_versions: ReportDocumentVersionsTable;
  report_document_events: ReportDocumentEventsTable;
  report_document_questions: ReportDocumentQuestionsTable;
}
