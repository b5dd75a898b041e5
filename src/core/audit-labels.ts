// The Swedish names of what the audit trail records, one list for every place that shows it: the
// log reviewer's table, its CSV and PDF, and the subject-access answer. Each entity and action
// must have a name (the types below make a new one without a name a type error).

export const auditActionLabels = {
  read: 'Läsning',
  list: 'Listning',
  search: 'Sökning',
  create: 'Registrering',
  update: 'Ändring',
  exit: 'Avslut',
  export: 'Export',
  delete: 'Radering',
  review: 'Loggkontroll',
} as const;
export type AuditAction = keyof typeof auditActionLabels;

export const auditEntityLabels = {
  enrolment: 'Inskrivning',
  person: 'Person',
  consent: 'Samtycke',
  anonymous_registration: 'Anonym registrering',
  import: 'Import',
  audit_log: 'Åtkomstlogg',
  user: 'Användarkonto',
  assignment: 'Behörighet (uppdrag)',
  plan: 'Handlingsplan',
  meeting: 'Möte',
  activity: 'Aktivitet',
  worklist: 'Arbetslista',
  survey_sending: 'Enkätutskick',
  survey_response: 'Enkätsvar',
  survey_results: 'Enkätresultat',
  goal: 'Mål',
  budget: 'Budget',
  report_document: 'Rapportdokument',
  report_template: 'Rapportmall',
} as const;
export type AuditEntity = keyof typeof auditEntityLabels;

/** The roles' names, as everywhere in the product. */
export const roleLabels: Record<string, string> = {
  case_worker: 'Handläggare',
  intervention_lead: 'Insatsansvarig',
  association_admin: 'Förbundsadministratör',
  org_admin: 'Organisationsadministratör',
  report_reader: 'Rapportläsare',
  log_reviewer: 'Logggranskare',
  system_admin: 'Systemförvaltare',
};

/** The roles as the audit trail records them: `system` for the system's own work (CLI, demo, retention). */
export const auditRoleLabels: Record<string, string> = { ...roleLabels, system: 'Systemet' };

/** A recorded code's name, or the code itself for one recorded by a newer or older version. */
export const auditLabel = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;
