// The personal-data registry: one declaration per table that holds data about a participant.
// Identity removal, subject access, retention, protected identity and the canary tests are driven
// from it, and a test reads the database catalogue and fails when a table is neither declared here
// nor listed as holding no participant data (personal-data.int.test.ts).

/** How a row reaches its person and enrolment, and which organisation controls it. */
export type PersonalDataTable = {
  table: string;
  /** The column holding the person's id, or the join that leads to it. */
  person: { column: string } | { via: { table: string; column: string; key: string } };
  /** The column holding the enrolment's id, when the row belongs to one enrolment. */
  enrolment: string | null;
  /** Columns that say who the person is: cleared when identity is removed, never stored when protected. */
  identity: readonly string[];
  /** Free text written about the person: cleared with identity. */
  freeText: readonly string[];
  /** 'last_entry': removed with identity once the person's last entry is old enough (model 8); 'audit' rows outlive the records' own retention (model 6). */
  retention: 'last_entry' | 'audit';
  /** The dates that count as an entry about the person, for the retention clock. */
  retentionClock: readonly { column: string; type: 'date' | 'timestamptz' }[];
  /** The section of a subject-access answer (GDPR art. 15) the rows go into, or null when not answered there. */
  subjectAccess: 'person' | 'enrolments' | 'consents' | 'case' | 'surveys' | 'audit' | null;
  /** The column naming the controlling organisation, or the join that leads to it. */
  controller: { column: string } | { via: { table: string; column: string; key: string } };
};

export const personalData = [
  {
    table: 'persons',
    person: { column: 'id' },
    enrolment: null,
    identity: ['personnummer', 'participant_ref', 'first_name', 'last_name'],
    freeText: [],
    retention: 'last_entry',
    // A person's own changes count only when no enrolment says more (retention.repository.ts).
    retentionClock: [],
    subjectAccess: 'person',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'enrolments',
    person: { column: 'person_id' },
    enrolment: 'id',
    identity: [],
    freeText: ['notes', 'exit_detail'],
    retention: 'last_entry',
    retentionClock: [
      { column: 'start_date', type: 'date' },
      { column: 'exit_date', type: 'date' },
      { column: 'updated_at', type: 'timestamptz' },
    ],
    subjectAccess: 'enrolments',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'consents',
    person: { column: 'person_id' },
    enrolment: null,
    // The reference leads to the signed form in the organisation's own files, that is, to the name.
    identity: ['document_ref'],
    freeText: [],
    retention: 'last_entry',
    retentionClock: [],
    subjectAccess: 'consents',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'consent_parties',
    person: { via: { table: 'consents', column: 'person_id', key: 'consent_id' } },
    enrolment: null,
    identity: [],
    freeText: [],
    retention: 'last_entry',
    retentionClock: [],
    subjectAccess: 'consents',
    controller: { via: { table: 'consents', column: 'controller_org_id', key: 'consent_id' } },
  },
  {
    // Corrections of an enrolment (issue 9): codes, dates and ids old → new. Names and free text
    // are recorded as changed without their values, so there is nothing here for identity removal
    // to clear; the rows stay with the enrolment's anonymous facts they describe.
    table: 'enrolment_revisions',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: [],
    retention: 'last_entry',
    retentionClock: [],
    // Shown on the participant's page; not yet a section of the subject-access answer (gap).
    subjectAccess: null,
    controller: { column: 'controller_org_id' },
  },
  // The shared case (issue 10): each record is controlled by the organisation whose staff wrote
  // it; free text may name people (the participant, relatives, an employer) and goes with identity.
  {
    table: 'action_plans',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: [],
    retention: 'last_entry',
    retentionClock: [{ column: 'updated_at', type: 'timestamptz' }],
    subjectAccess: 'case',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'plan_revisions',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: ['main_goal', 'own_words'],
    retention: 'last_entry',
    retentionClock: [{ column: 'revised_at', type: 'timestamptz' }],
    subjectAccess: 'case',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'plan_sub_goals',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: ['text'],
    retention: 'last_entry',
    retentionClock: [{ column: 'updated_at', type: 'timestamptz' }],
    subjectAccess: 'case',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'meetings',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: ['notes'],
    retention: 'last_entry',
    retentionClock: [{ column: 'held_at', type: 'timestamptz' }],
    subjectAccess: 'case',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'meeting_actions',
    person: { column: 'person_id' },
    enrolment: null,
    identity: [],
    freeText: ['text'],
    retention: 'last_entry',
    retentionClock: [],
    subjectAccess: 'case',
    controller: { via: { table: 'meetings', column: 'controller_org_id', key: 'meeting_id' } },
  },
  {
    // Activities and placements (issue 10): who does what, where. The provider's name and the
    // notes are typed by staff and may name people, so they go with identity.
    table: 'activities',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: ['provider', 'notes'],
    retention: 'last_entry',
    retentionClock: [
      { column: 'start_date', type: 'date' },
      { column: 'end_date', type: 'date' },
      { column: 'updated_at', type: 'timestamptz' },
    ],
    subjectAccess: 'case',
    controller: { column: 'controller_org_id' },
  },
  // Survey answers linked to an enrolment (issue 13) are the intervention owner's person data; an
  // anonymous link's answers have no person or enrolment and are nobody's (the table's CHECK).
  {
    table: 'survey_sendings',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: [],
    retention: 'last_entry',
    retentionClock: [{ column: 'sent_at', type: 'timestamptz' }],
    subjectAccess: 'surveys',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'survey_responses',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: [],
    retention: 'last_entry',
    retentionClock: [{ column: 'submitted_at', type: 'timestamptz' }],
    subjectAccess: 'surveys',
    controller: { column: 'controller_org_id' },
  },
  {
    table: 'survey_answers',
    person: { column: 'person_id' },
    enrolment: null,
    identity: [],
    // What the participant wrote can name them or others: cleared with identity.
    freeText: ['free_text'],
    retention: 'last_entry',
    retentionClock: [],
    subjectAccess: 'surveys',
    controller: { via: { table: 'survey_responses', column: 'controller_org_id', key: 'response_id' } },
  },
  {
    table: 'audit_events',
    person: { column: 'person_id' },
    enrolment: 'enrolment_id',
    identity: [],
    freeText: [],
    retention: 'audit',
    retentionClock: [],
    subjectAccess: 'audit',
    controller: { column: 'controller_org_id' },
  },
] as const satisfies readonly PersonalDataTable[];

export type PersonalDataTableName = (typeof personalData)[number]['table'];

/** The names of the tables above: only repositories select from them (dependency rules). */
export const personalDataTables: readonly PersonalDataTableName[] = personalData.map((t) => t.table);

/**
 * Tables that hold no data about a participant, each with the reason. Staff accounts are personal
 * data too, but not the participants' data this registry governs.
 */
export const noParticipantData: Record<string, string> = {
  code_list_entries: 'code lists',
  organisations: 'the parties',
  association_members: 'which parties a förbund has',
  interventions: 'the interventions',
  intervention_volume_targets: 'volume targets',
  intervention_goals: 'goals of an intervention and the outcome its lead states',
  intervention_grants: 'granted funds per intervention and year',
  intervention_budget_lines: 'budget per cost category',
  intervention_costs: 'actual costs per month and cost category',
  report_templates: 'report templates: section headings and which tables fill them',
  report_documents: "an intervention's report: period, status and the lead's text about the intervention",
  report_document_versions: 'frozen report versions: suppressed aggregates and text about the intervention',
  report_document_events: 'who moved a report to which status, with the förbund’s comment',
  report_document_questions: "the förbund's questions about an intervention and the lead's replies",
  intervention_admin_costs: 'administrative costs per intervention and year',
  suppression_decisions: 'decided small-cell suppression: suppressed aggregate reports keyed by a hash of their input',
  suppression_dirty: 'which interventions’ counted history changed (ids and times only)',
  teams: 'teams of an intervention',
  users: 'staff accounts',
  assignments: 'staff rights',
  sessions: 'staff sessions',
  anonymous_registrations: 'head counts (year, gender, birth year) that identify no one',
  import_batches: 'which files were imported (hash and row count)',
  retention_rules: 'retention settings per organisation',
  retention_runs: 'counts of what a retention run removed',
  audit_seals: 'hashes and counts chaining the audit events',
  login_attempts: 'failed logins per account and address, for rate limits',
  oidc_flows: 'single sign-on state between redirect and callback',
  workplaces: "the förbund's workplace register (employers and placement sites)",
  workplace_supervisors: "the workplaces' contact persons, not participants",
  workplace_places: 'places a workplace offers per activity type',
  questionnaires: 'survey questionnaires',
  survey_questions: 'the questions of a questionnaire, per version',
  survey_translations: 'question texts per language',
  survey_links: 'anonymous survey links of an intervention (token hashes)',
  kysely_migration: 'applied migrations',
  kysely_migration_lock: 'the migration lock',
};
