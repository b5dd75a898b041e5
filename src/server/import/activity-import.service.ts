// activities.csv (domain.md, "CSV import"): every row validated (core), its enrolment found exactly
// as an enrolment row is matched — (intervention, participant_ref or else personnummer, start) —
// and only among the enrolments the importer may add activities to; its workplace found in the
// förbund's register (organisation number first, then name) or created. All or nothing; a row
// equal to an activity already stored changes nothing, so importing a file again changes nothing.
import { validateActivities, type ActivityImportRow } from '../../core/import/activities.js';
import type { CsvTable } from '../../core/import/csv.js';
import type { RowError } from '../../core/import/errors.js';
import { enrolmentImportTargets } from '../access/import-policy.js';
import type { AuditEntry } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import { swedishToday } from '../persons/today.js';
import { foldName } from './code-index.js';
import { loadActivityLookups, type ActivityLookups, type MatchedEnrolment } from './activity-lookups.repository.js';
import { insertActivities, insertWorkplaces, updateImportedActivity, type ActivityInsert, type NewWorkplace } from './activity-writes.repository.js';
import { noCounts, type ImportOptions, type StepResult } from './import.types.js';
import { orderedId } from './ordered-id.js';

export async function importActivityTable(db: Db, table: CsvTable, opts: ImportOptions): Promise<StepResult> {
  const { rows, errors } = validateActivities(table);
  const lookups = await loadActivityLookups(db, rows, opts.scope);
  const plan = planActivities(rows, lookups, opts);
  const allErrors = [...errors, ...plan.errors];
  if (allErrors.length > 0) return { errors: allErrors, counts: plan.counts, audit: [], denied: plan.denied };
  await insertWorkplaces(db, plan.newWorkplaces);
  await insertActivities(db, plan.inserts);
  for (const update of plan.updates) await updateImportedActivity(db, update);
  return { errors: [], counts: plan.counts, audit: plan.audit, denied: plan.denied };
}

/** Imported activities get their status from their dates: ended, going on, or not yet begun. */
function statusOn(today: string, row: ActivityImportRow): ActivityInsert['status'] {
  if (row.startDate > today) return 'planned';
  return row.endDate !== null && row.endDate < today ? 'completed' : 'ongoing';
}

function planActivities(rows: readonly ActivityImportRow[], lookups: ActivityLookups, opts: ImportOptions) {
  const errors: RowError[] = [];
  const denied: AuditEntry[] = [];
  const audit: AuditEntry[] = [];
  const counts = noCounts();
  const inserts: ActivityInsert[] = [];
  const updates: ActivityInsert[] = [];
  const newWorkplaces: NewWorkplace[] = [];
  const targets = enrolmentImportTargets(opts.scope);
  const today = swedishToday();
  const mayWorkIn = (interventionId: string) =>
    targets === 'all' || targets.interventionIds.has(interventionId) || lookups.teams.some((t) => t.intervention_id === interventionId && targets.teamIds.has(t.id));
  const codeValid = (list: string, code: string, onDay: string) =>
    lookups.codes.some((c) => c.list === list && c.code === code && c.valid_from <= onDay && (c.valid_to === null || c.valid_to >= onDay));
  const workplaces = [...lookups.workplaces];
  const seen = new Set<string>();

  for (const row of rows) {
    const fail = (column: string, reason: string) => errors.push({ row: row.row, column, reason });
    const intervention = lookups.interventions.get(row.intervention);
    if (!intervention || !mayWorkIn(intervention.id)) {
      fail('intervention', 'Okänd insats, eller en insats där du inte arbetar med deltagare: ange insatsens kod');
      continue;
    }
    const matches = (e: { intervention_id: string; start_date: string; participant_ref: string | null; personnummer: string | null }) =>
      e.intervention_id === intervention.id &&
      e.start_date === row.enrolmentStart &&
      (row.participantRef !== null ? e.participant_ref === row.participantRef : e.personnummer === row.personnummer);
    const enrolment = lookups.enrolments.find(matches);
    if (!enrolment) {
      // Out of scope answers as not found; the near-miss goes to the controller's log review.
      for (const hidden of lookups.hidden.filter(matches)) {
        denied.push({ action: 'create', entity: 'activity', enrolmentId: hidden.id, personId: hidden.person_id, outcome: 'denied', details: { import: 'activities' } });
      }
      fail('enrolment_start', 'Inskrivningen finns inte: ingen deltagare med den referensen eller det personnumret är inskriven i insatsen från det datumet');
      continue;
    }
    if (enrolment.exit_date !== null && row.startDate > enrolment.exit_date) fail('start_date', 'Aktiviteten kan inte börja efter inskrivningens avslut');
    if (!codeValid('activity_type', row.activityType, row.startDate)) fail('activity_type', 'Aktivitetstypen gäller inte på startdatumet');
    if (row.employmentType && !codeValid('employment_type', row.employmentType, row.startDate)) fail('employment_type', 'Anställningsformen gäller inte på startdatumet');
    const key = `${enrolment.id}|${row.activityType}|${row.employmentType ?? ''}|${row.startDate}`;
    if (seen.has(key)) fail('start_date', 'Samma aktivitet finns redan på en tidigare rad i filen');
    seen.add(key);
    const workplaceId = row.workplace === null ? null : findOrAddWorkplace(row, intervention.association_id, workplaces, newWorkplaces, fail);
    if (workplaceId === undefined) continue;
    const controller = opts.scope.kind === 'system' ? enrolment.controller_org_id : opts.scope.actor.organisationId;
    const values = valuesOf(row, enrolment, controller, workplaceId, statusOn(today, row));
    const stored = lookups.existing.find((a) => `${a.enrolment_id}|${a.activity_type}|${a.employment_type ?? ''}|${a.start_date}` === key);
    if (!stored) {
      inserts.push(values);
      counts.created += 1;
      audit.push({ action: 'create', entity: 'activity', enrolmentId: enrolment.id, personId: enrolment.person_id, details: { activityId: values.id, import: 'activities' } });
    } else if (stored.controller_org_id !== controller) {
      fail('start_date', 'Aktiviteten finns redan, registrerad av en annan organisation: bara den kan ändra den');
    } else if (stored.end_date === values.end_date && stored.hours_per_week === values.hours_per_week && stored.workplace_id === values.workplace_id && stored.extension === values.extension) {
      counts.unchanged += 1;
    } else {
      updates.push({ ...values, id: stored.id });
      counts.updated += 1;
      audit.push({ action: 'update', entity: 'activity', enrolmentId: enrolment.id, personId: enrolment.person_id, details: { activityId: stored.id, import: 'activities' } });
    }
  }
  return { errors, denied, audit, counts, inserts, updates, newWorkplaces };
}

const valuesOf = (row: ActivityImportRow, enrolment: MatchedEnrolment, controller: string, workplaceId: string | null, status: ActivityInsert['status']): ActivityInsert => ({
  id: orderedId(),
  enrolment_id: enrolment.id,
  person_id: enrolment.person_id,
  controller_org_id: controller,
  activity_type: row.activityType,
  employment_type: row.employmentType,
  extension: row.extension,
  workplace_id: workplaceId,
  start_date: row.startDate,
  end_date: row.endDate,
  hours_per_week: row.hoursPerWeek,
  status,
});

/** The workplace of the förbund's register: by organisation number when given, else by name; created when new. */
function findOrAddWorkplace(
  row: ActivityImportRow,
  associationId: string | null,
  workplaces: NewWorkplace[],
  added: NewWorkplace[],
  fail: (column: string, reason: string) => void,
): string | undefined {
  if (associationId === null) {
    fail('workplace', 'Insatsen hör inte till något samordningsförbund, så arbetsplatsen kan inte föras in i ett register: lämna workplace tomt');
    return undefined;
  }
  const name = row.workplace as string;
  const inRegister = workplaces.filter((w) => w.association_id === associationId);
  const found = row.workplaceOrgNumber !== null ? inRegister.find((w) => w.org_number === row.workplaceOrgNumber) : inRegister.find((w) => foldName(w.name) === foldName(name));
  if (found) return found.id;
  const created = { id: orderedId(), association_id: associationId, name, org_number: row.workplaceOrgNumber };
  workplaces.push(created);
  added.push(created);
  return created.id;
}
