// enrolments.csv: validate every row (core), check the rows against the database and plan the
// writes (enrolment-plan), then write the plan set-based. Named rows are matched on (intervention,
// participant_ref or personnummer, start_date) and updated, never duplicated; anonymous rows
// become head counts (domain.md, "CSV import").
import type { CsvTable } from '../../core/import/csv.js';
import { validateEnrolments } from '../../core/import/rows.js';
import { swedishToday } from '../persons/today.js';
import type { Db } from '../db/connection.js';
import { column, insertRows, updateRows, type Column } from './bulk.repository.js';
import { writeMatchedPersons } from '../persons/person-match.repository.js';
import { FACT_COLUMNS } from './enrolment-facts.js';
import { loadCodeValidity, loadEnrolmentLookups } from './enrolment-lookups.repository.js';
import { queued, type WriteQueue } from './write-queue.js';
import { planEnrolments, type EnrolmentInsert, type EnrolmentPlan, type PlanSlice } from './enrolment-plan.js';
import type { ImportOptions, StepResult } from './import.types.js';

const ENROLMENT_COLUMNS: readonly Column<EnrolmentInsert>[] = [
  column('id', 'uuid'),
  column('person_id', 'uuid'),
  column('intervention_id', 'uuid'),
  column('controller_org_id', 'uuid'),
  ...FACT_COLUMNS,
];
type Plan = EnrolmentPlan;
const TEAM_COLUMNS: readonly Column<Plan['newTeams'][number]>[] = [column('id', 'uuid'), column('intervention_id', 'uuid'), column('name', 'text')];
const ANONYMOUS_COLUMNS: readonly Column<Plan['anonymous'][number]>[] = [
  column('intervention_id', 'uuid'),
  column('team_id', 'uuid'),
  column('controller_org_id', 'uuid'),
  column('year', 'int'),
  column('gender', 'text'),
  column('birth_year', 'int'),
];
const CONSENT_COLUMNS: readonly Column<Plan['consents'][number]>[] = [
  column('id', 'uuid'),
  column('person_id', 'uuid'),
  column('controller_org_id', 'uuid'),
  column('given_date', 'date'),
  column('method', 'text'),
];
// The consent covers the controller (OSL 12:2); other parties are added in the application.
const PARTY_COLUMNS: readonly Column<Plan['consents'][number]>[] = [
  column('consent_id', 'uuid', (c) => c.id),
  column('organisation_id', 'uuid', (c) => c.controller_org_id),
];

export async function importEnrolmentTable(db: Db, table: CsvTable, opts: ImportOptions): Promise<StepResult> {
  const { rows, errors } = validateEnrolments(table, { today: swedishToday() });
  const lookups = await loadEnrolmentLookups(db, rows, opts.scope);
  const codeValid = await loadCodeValidity(db);
  // One queue for the whole file: each slice's persons and enrolments are written while the next
  // slice is planned, and each table's arrays built while the previous table is written. A file
  // that already has errors writes nothing; one that gets them later is undone by the caller.
  const plan = await queued(db, async (queue) => {
    const early = errors.length === 0 ? (slice: PlanSlice) => writeSlice(queue, slice) : undefined;
    const planned = await planEnrolments(rows, lookups, codeValid, opts.scope, early);
    if (errors.length === 0 && planned.errors.length === 0) await writeRest(queue, planned);
    return planned;
  });
  const allErrors = [...errors, ...plan.errors];
  if (allErrors.length > 0) return { errors: allErrors, counts: plan.counts, audit: [], denied: plan.denied };
  return { errors: [], counts: plan.counts, audit: plan.audit, denied: plan.denied };
}

async function writeSlice(queue: WriteQueue, slice: PlanSlice): Promise<void> {
  await insertRows(queue, 'teams', TEAM_COLUMNS, slice.newTeams);
  await writeMatchedPersons(queue, slice.newPersons, []);
  await insertRows(queue, 'enrolments', ENROLMENT_COLUMNS, slice.inserts);
}

async function writeRest(queue: WriteQueue, plan: Plan): Promise<void> {
  await writeSlice(queue, plan);
  await writeMatchedPersons(queue, [], plan.changedPersons);
  await updateRows(queue, 'enrolments', FACT_COLUMNS, plan.updates);
  await insertRows(queue, 'anonymous_registrations', ANONYMOUS_COLUMNS, plan.anonymous);
  await insertRows(queue, 'consents', CONSENT_COLUMNS, plan.consents);
  await insertRows(queue, 'consent_parties', PARTY_COLUMNS, plan.consents);
}
