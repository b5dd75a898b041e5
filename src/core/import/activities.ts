// Validation of activities.csv (domain.md, "CSV import"): one activity or placement per row, its
// enrolment named by (intervention, participant_ref or personnummer, enrolment_start). Reasons
// never quote a personnummer; finding the enrolment and the workplace is the server's job.
import { activityFieldProblems } from '../schemas/activity.js';
import { containsPersonnummer, parsePersonnummer } from '../personnummer.js';
import type { RowError } from './errors.js';
import type { CellReader } from './fields.js';
import { validateTable, type ImportInput } from './table.js';

export const ACTIVITY_COLUMNS = [
  'intervention',
  'participant_ref',
  'personnummer',
  'enrolment_start',
  'activity_type',
  'employment_type',
  'extension',
  'workplace',
  'workplace_org_number',
  'start_date',
  'end_date',
  'hours_per_week',
] as const;

export type ActivityImportRow = {
  row: number;
  intervention: string;
  participantRef: string | null;
  /** Normalized YYYYMMDD-XXXX. */
  personnummer: string | null;
  enrolmentStart: string;
  activityType: string;
  employmentType: string | null;
  extension: boolean;
  workplace: string | null;
  workplaceOrgNumber: string | null;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
};

export function validateActivities(input: ImportInput): { rows: ActivityImportRow[]; errors: RowError[] } {
  return validateTable(input, ACTIVITY_COLUMNS, readActivity);
}

const ORG_NUMBER = /^\d{6}-\d{4}$/;

function readActivity(cells: CellReader): ActivityImportRow | undefined {
  const intervention = cells.required('intervention', 'Insatsens kod');
  const participantRef = cells.text('participant_ref');
  const rawPersonnummer = cells.raw('personnummer');
  const parsed = rawPersonnummer === '' ? null : parsePersonnummer(rawPersonnummer);
  if (rawPersonnummer !== '' && !parsed) {
    cells.fail('personnummer', 'Ogiltigt personnummer (fel format, datum eller kontrollsiffra): ange det som ÅÅÅÅMMDD-XXXX, eller lämna tomt och ange participant_ref');
  }
  if (participantRef === null && rawPersonnummer === '') {
    cells.fail('participant_ref', 'Raden saknar deltagare: ange participant_ref eller personnummer för inskrivningen');
  }
  const enrolmentStart = cells.date('enrolment_start', 'Inskrivningens startdatum', true);
  const activityType = cells.code('activity_type', 'activity_type', 'aktivitetstyp', true);
  const employmentType = cells.code('employment_type', 'employment_type', 'anställningsform');
  const extension = cells.yesNo('extension');
  const workplace = readWorkplace(cells);
  const workplaceOrgNumber = cells.text('workplace_org_number');
  if (workplaceOrgNumber !== null && !ORG_NUMBER.test(workplaceOrgNumber)) {
    cells.fail('workplace_org_number', 'Organisationsnumret har fel format: skriv det som NNNNNN-NNNN');
  } else if (workplaceOrgNumber !== null && workplace === null) {
    cells.fail('workplace', 'Arbetsplatsens namn saknas: fyll i workplace när workplace_org_number är ifyllt');
  }
  const startDate = cells.date('start_date', 'Startdatum', true);
  const endDate = cells.date('end_date', 'Slutdatum');
  const hoursPerWeek = readHours(cells);
  if (!activityType || employmentType === undefined || extension === undefined || !startDate || endDate === undefined) return undefined;
  const shaped = { activityType, employmentType, extension, startDate, endDate };
  for (const problem of activityFieldProblems(shaped)) cells.fail(columnOf[problem.path] ?? '', problem.message);
  if (enrolmentStart && startDate < enrolmentStart) cells.fail('start_date', 'Aktiviteten kan inte börja före inskrivningen (enrolment_start)');
  if (!intervention || !enrolmentStart || workplace === undefined || hoursPerWeek === undefined) return undefined;
  return {
    row: cells.row,
    intervention,
    participantRef,
    personnummer: parsed?.normalized ?? null,
    enrolmentStart,
    ...shaped,
    workplace,
    workplaceOrgNumber,
    hoursPerWeek,
  };
}

const columnOf: Record<string, string> = { employmentType: 'employment_type', extension: 'extension', endDate: 'end_date' };

/** A workplace name is seen by every staff member of the förbund: never a personnummer. */
function readWorkplace(cells: CellReader): string | null | undefined {
  const name = cells.text('workplace');
  if (name !== null && containsPersonnummer(name)) {
    return cells.fail('workplace', 'Arbetsplatsens namn ser ut att innehålla ett personnummer: ange arbetsplatsens namn');
  }
  if (name !== null && name.length > 200) return cells.fail('workplace', 'Arbetsplatsens namn är för långt: högst 200 tecken');
  return name;
}

/** Hours a week, decimal comma or point, whole or half hours, more than 0 and at most 60; empty when not known. */
function readHours(cells: CellReader): number | null | undefined {
  const value = cells.raw('hours_per_week');
  if (value === '') return null;
  const hours = Number(value.replace(',', '.'));
  if (/^\d+([.,]\d+)?$/.test(value) && hours > 0 && hours <= 60 && Number.isInteger(hours * 2)) return hours;
  return cells.fail('hours_per_week', 'Timmar per vecka ska vara ett tal större än 0 och högst 60, i hela eller halva timmar (t.ex. 20 eller 12,5)');
}
