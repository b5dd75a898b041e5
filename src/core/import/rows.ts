// Normalized import rows and the validators that build them from CSV records (domain.md, "CSV
// import"). Only what one file can tell is checked here; whether an owner, association,
// intervention or referrer exists is the server's job.
import { echo } from '../echo.js';
import { followUpMethodLabels } from '../figures/national-export.js';
import type { RowError } from './errors.js';
import type { CellReader } from './fields.js';
import { validateTable, type ImportInput } from './table.js';

export type { RowError };
export type { ImportInput } from './table.js';
export {
  validateEnrolments,
  rowKey,
  duplicateKeysInFile,
  ENROLMENT_COLUMNS,
  type EnrolmentOptions,
} from './enrolments.js';

export type OrganisationRow = {
  code: string;
  name: string;
  kind: string;
  orgNumber: string | null;
  association: string | null;
};

export type InterventionRow = {
  code: string;
  name: string;
  owner: string;
  association: string | null;
  startDate: string;
  endDate: string | null;
  orientation: 'individual' | 'structural';
  followUp: 'individual' | 'count_only';
  /** Uppföljningsmetod; null when the optional column is absent or empty (a new intervention gets stegvis, a stored one keeps its own). */
  followUpMethod: keyof typeof followUpMethodLabels | null;
  places: number | null;
  volumeTarget: number | null;
};

export type EnrolmentRow = {
  row: number;
  intervention: string;
  team: string | null;
  /** null for anonymous rows, even when the file had one (see enrolments.ts). */
  participantRef: string | null;
  /** Normalized YYYYMMDD-XXXX. */
  personnummer: string | null;
  /** From the personnummer (samordningsnummer: day − 60). */
  birthDate: string | null;
  firstName: string | null;
  lastName: string | null;
  gender: 'woman' | 'man' | 'other';
  /** From birth_year, else from the personnummer. */
  birthYear: number | null;
  /** true when anonymous = ja, consent = nej (or empty) or protected_identity = ja. */
  anonymous: boolean;
  consent: boolean;
  protectedIdentity: boolean;
  startDate: string;
  referrer: string | null;
  incomeBefore: string[];
  occupationBefore: string | null;
  education: string | null;
  exitDate: string | null;
  exitReason: string | null;
  /** ja/nej, null when empty (not recorded); undefined when the file has no exit_completed column. */
  exitCompleted?: boolean | null;
  incomeAfter: string[];
  occupationAfter: string | null;
};

export const ORGANISATION_COLUMNS = ['code', 'name', 'kind', 'org_number', 'association'] as const;

export const INTERVENTION_COLUMNS = [
  'code',
  'name',
  'owner',
  'association',
  'start_date',
  'end_date',
  'orientation',
  'follow_up',
  'places',
  'volume_target',
] as const;
/** Added later, so files without it stay valid (domain.md: an optional trailing column). */
export const INTERVENTION_OPTIONAL_COLUMNS = ['follow_up_method'] as const;

// Organisation numbers are checked for shape only, not Luhn: the sample förbund number
// (222000-0001) is a placeholder that fails the check digit, and such files must still import.
const ORG_NUMBER = /^(\d{6})-?(\d{4})$/;

export function validateOrganisations(input: ImportInput): {
  rows: OrganisationRow[];
  errors: RowError[];
} {
  const firstRow = new Map<string, number>();
  return validateTable(input, ORGANISATION_COLUMNS, (cells): OrganisationRow | undefined => {
    const code = uniqueCode(cells, firstRow, 'Organisationens kod');
    const name = cells.required('name', 'Organisationens namn');
    const kind = cells.code('kind', 'organisation_kind', 'organisationstyp', true);
    const orgNumber = readOrgNumber(cells);
    const association = cells.text('association');
    if (association !== null && association === cells.raw('code')) {
      cells.fail(
        'association',
        'En organisation kan inte vara medlem i sig själv: lämna association tom för förbundet',
      );
    }
    if (!code || !name || !kind || orgNumber === undefined) return undefined;
    return { code, name, kind, orgNumber, association };
  });
}

export function validateInterventions(input: ImportInput): {
  rows: InterventionRow[];
  errors: RowError[];
} {
  const firstRow = new Map<string, number>();
  return validateTable(input, INTERVENTION_COLUMNS, (cells): InterventionRow | undefined => {
    const code = uniqueCode(cells, firstRow, 'Insatsens kod');
    const name = cells.required('name', 'Insatsens namn');
    const owner = cells.required('owner', 'Ägande organisation');
    const association = cells.text('association');
    const startDate = cells.date('start_date', 'Startdatum', true);
    const endDate = cells.date('end_date', 'Slutdatum');
    if (startDate && endDate && endDate < startDate) {
      cells.fail(
        'end_date',
        `Slutdatum ${endDate} ligger före startdatum ${startDate}: rätta något av datumen`,
      );
    }
    const orientation = cells.choice('orientation', ['individual', 'structural'], 'inriktning');
    const followUp = cells.choice('follow_up', ['individual', 'count_only'], 'uppföljningssätt');
    const followUpMethod = cells.labelled('follow_up_method', followUpMethodLabels, 'uppföljningsmetod');
    const places = cells.count('places', 'antal platser');
    const volumeTarget = cells.count('volume_target', 'volymmål');
    if (!code || !name || !owner || !startDate || endDate === undefined) return undefined;
    if (!orientation || !followUp || followUpMethod === undefined || places === undefined || volumeTarget === undefined) {
      return undefined;
    }
    return {
      code,
      name,
      owner,
      association,
      startDate,
      endDate,
      orientation,
      followUp,
      followUpMethod,
      places,
      volumeTarget,
    };
  }, INTERVENTION_OPTIONAL_COLUMNS);
}

// A code twice in one file would make the import depend on row order; refuse it instead.
function uniqueCode(cells: CellReader, firstRow: Map<string, number>, what: string) {
  const code = cells.required('code', what);
  if (!code) return undefined;
  const earlier = firstRow.get(code);
  if (earlier === undefined) {
    firstRow.set(code, cells.row);
    return code;
  }
  return cells.fail(
    'code',
    `Koden${echo(code)} finns redan på rad ${earlier}: varje kod får bara förekomma en gång i filen`,
  );
}

function readOrgNumber(cells: CellReader): string | null | undefined {
  const value = cells.raw('org_number');
  if (value === '') return null;
  const match = ORG_NUMBER.exec(value);
  if (match) return `${match[1]}-${match[2]}`;
  return cells.fail(
    'org_number',
    'Organisationsnumret har fel format: skriv det som NNNNNN-NNNN, t.ex. 212000-1124',
  );
}
