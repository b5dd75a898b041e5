// Validation of enrolments.csv (domain.md, "CSV import"). Reasons never quote a personnummer or a
// name: error lists end up in logs and screens where identity must not leak.
import { genders } from '../code-lists.js';
import { echo } from '../echo.js';
import { containsPersonnummer, parsePersonnummer } from '../personnummer.js';
import { sortErrors, type RowError } from './errors.js';
import type { CellReader } from './fields.js';
import type { EnrolmentRow } from './rows.js';
import { toTable, validateTable, type ImportInput } from './table.js';

export const ENROLMENT_COLUMNS = [
  'intervention',
  'team',
  'participant_ref',
  'personnummer',
  'first_name',
  'last_name',
  'gender',
  'birth_year',
  'anonymous',
  'consent',
  'protected_identity',
  'start_date',
  'referrer',
  'income_before',
  'occupation_before',
  'education',
  'exit_date',
  'exit_reason',
  'income_after',
  'occupation_after',
] as const;

/** Columns added to the format later: a file may leave them out (domain.md, "CSV import"). */
export const ENROLMENT_OPTIONAL_COLUMNS = ['exit_completed'] as const;

export type EnrolmentOptions = {
  /** Upper bound for birth_year; defaults to the current UTC year (injectable for tests). */
  currentYear?: number;
  /** Latest allowed start and exit date, YYYY-MM-DD; defaults to today's UTC date (the server passes Sweden's). */
  today?: string;
};

/** The income-source code "Uppgift saknas": only alone (core/schemas/enrolment.ts has the same rule). */
const INCOME_UNKNOWN = 'unknown';

type Gender = EnrolmentRow['gender'];
type Identity = Pick<
  EnrolmentRow,
  | 'participantRef'
  | 'personnummer'
  | 'birthDate'
  | 'firstName'
  | 'lastName'
  | 'birthYear'
  | 'anonymous'
  | 'consent'
  | 'protectedIdentity'
>;
type Exit = Pick<EnrolmentRow, 'exitDate' | 'exitReason' | 'exitCompleted' | 'incomeAfter' | 'occupationAfter'>;

const GENDERS: readonly string[] = genders;

/** Validates every row, then the in-file duplicate rule; `errors` holds all of them by row. */
export function validateEnrolments(
  input: ImportInput,
  options: EnrolmentOptions = {},
): { rows: EnrolmentRow[]; errors: RowError[] } {
  const currentYear = options.currentYear ?? new Date().getUTCFullYear();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const withCompletion = toTable(input).headers.includes('exit_completed');
  const result = validateTable(
    input,
    ENROLMENT_COLUMNS,
    (cells) => readEnrolment(cells, currentYear, today, withCompletion),
    ENROLMENT_OPTIONAL_COLUMNS,
  );
  const duplicates = duplicateKeysInFile(result.rows);
  const rejected = new Set(duplicates.map((error) => error.row));
  return {
    rows: result.rows.filter((row) => !rejected.has(row.row)),
    errors: sortErrors([...result.errors, ...duplicates]),
  };
}

/**
 * The matching key of domain.md: (intervention, participant_ref or personnummer, start_date),
 * with participant_ref preferred when both are given. null for anonymous rows, which have none.
 */
export function rowKey(row: EnrolmentRow): string | null {
  if (row.anonymous) return null;
  if (row.participantRef !== null) return key(row, 'participant_ref', row.participantRef);
  if (row.personnummer !== null) return key(row, 'personnummer', row.personnummer);
  return null;
}

/**
 * One error for each row whose key already appeared earlier in the file. A row giving both
 * participant_ref and personnummer is checked on both, so the same person under two refs on the
 * same start date is caught too.
 */
export function duplicateKeysInFile(rows: readonly EnrolmentRow[]): RowError[] {
  const firstRow = new Map<string, number>();
  const errors: RowError[] = [];
  for (const row of rows) {
    if (row.anonymous) continue;
    const keys: [column: 'participant_ref' | 'personnummer', key: string][] = [];
    if (row.participantRef !== null) {
      keys.push(['participant_ref', key(row, 'participant_ref', row.participantRef)]);
    }
    if (row.personnummer !== null) {
      keys.push(['personnummer', key(row, 'personnummer', row.personnummer)]);
    }
    const clash = keys.find(([, k]) => firstRow.has(k));
    if (clash) {
      const [column, k] = clash;
      const who =
        column === 'participant_ref'
          ? 'En deltagare med samma participant_ref'
          : 'En deltagare med samma personnummer';
      errors.push({
        row: row.row,
        column,
        reason:
          `${who} skrivs redan in i insatsen${echo(row.intervention)} med startdatum ` +
          `${row.startDate} på rad ${firstRow.get(k)}: slå ihop raderna eller ta bort den ena`,
      });
    }
    for (const [, k] of keys) if (!firstRow.has(k)) firstRow.set(k, row.row);
  }
  return errors;
}

function key(row: EnrolmentRow, by: 'participant_ref' | 'personnummer', value: string): string {
  return JSON.stringify([row.intervention, by, value, row.startDate]);
}

/** "Uppgift saknas" with another source says two things at once: an error, as in the API. */
function incomeAlone(cells: CellReader, column: string, codes: string[] | undefined): string[] | undefined {
  if (codes?.includes(INCOME_UNKNOWN) && codes.length > 1) {
    return cells.fail(column, '”Uppgift saknas” (unknown) kan inte anges tillsammans med andra försörjningskällor: ta bort något av dem');
  }
  return codes;
}

function readEnrolment(cells: CellReader, currentYear: number, today: string, withCompletion: boolean): EnrolmentRow | undefined {
  const intervention = cells.required('intervention', 'Insatsens kod');
  const team = readTeam(cells);
  const gender = cells.code('gender', 'gender', 'kön', true);
  const startDate = cells.date('start_date', 'Startdatum', true);
  const referrer = cells.text('referrer');
  const incomeBefore = incomeAlone(cells, 'income_before', cells.codes('income_before', 'income_source', 'försörjningskälla'));
  const occupationBefore = cells.code('occupation_before', 'occupation', 'sysselsättning');
  const education = cells.code('education', 'education', 'utbildningsnivå');
  const identity = readIdentity(cells, currentYear);
  const exit = readExit(cells, startDate, today, withCompletion);
  if (startDate && startDate > today) {
    cells.fail(
      'start_date',
      `Startdatum ${startDate} ligger efter dagens datum: en planerad start är ingen inskrivning, ta med raden när insatsen har börjat`,
    );
    return undefined;
  }

  const startYear = startDate ? Number(startDate.slice(0, 4)) : undefined;
  if (identity?.birthYear != null && startYear !== undefined && identity.birthYear > startYear) {
    cells.fail(
      'birth_year',
      `Födelseåret ${identity.birthYear} ligger efter startdatumet ${startDate}: rätta något av dem`,
    );
  }

  if (!intervention || team === undefined || !gender || !GENDERS.includes(gender) || !startDate) return undefined;
  if (!incomeBefore || occupationBefore === undefined || education === undefined) return undefined;
  if (!identity || !exit) return undefined;
  return {
    row: cells.row,
    intervention,
    team,
    ...identity,
    gender: gender as Gender,
    startDate,
    referrer,
    incomeBefore,
    occupationBefore,
    education,
    ...exit,
  };
}

/**
 * A team name is shown to aggregate roles (förbund, board) next to figures, so it must never be a
 * person's number: a personnummer in the team column would become a team that everyone sees.
 */
function readTeam(cells: CellReader): string | null | undefined {
  const team = cells.text('team');
  if (team !== null && containsPersonnummer(team)) {
    return cells.fail(
      'team',
      'Teamets namn ser ut att innehålla ett personnummer eller samordningsnummer: ange teamets namn, ' +
        'och skriv personnumret i kolumnen personnummer',
    );
  }
  return team;
}

function readIdentity(cells: CellReader, currentYear: number): Identity | undefined {
  const anonymousFlag = cells.yesNo('anonymous');
  const consent = cells.yesNo('consent');
  const protectedIdentity = cells.yesNo('protected_identity');
  const birthYear = readBirthYear(cells, currentYear);
  // Without all three flags we cannot tell which identity rules apply; the flag errors suffice.
  if (anonymousFlag === undefined || consent === undefined || protectedIdentity === undefined) {
    return undefined;
  }

  if (anonymousFlag || !consent || protectedIdentity) {
    const why = [
      protectedIdentity && 'protected_identity=ja',
      anonymousFlag && 'anonymous=ja',
      !consent && (cells.raw('consent') === '' ? 'consent är tomt, dvs. nej' : 'consent=nej'),
    ].filter(Boolean);
    const named = [anonymousFlag && 'anonymous=nej', !consent && 'consent=ja'].filter(Boolean);
    const fix = protectedIdentity
      ? 'ta bort uppgiften; personer med skyddade personuppgifter registreras alltid anonymt'
      : `ta bort uppgiften, eller ange ${named.join(' och ')} om personen ska registreras med namn och har samtyckt`;
    let ok = true;
    for (const [column, what] of [
      ['personnummer', 'personnummer'],
      ['first_name', 'förnamn'],
      ['last_name', 'efternamn'],
    ] as const) {
      if (cells.raw(column) === '') continue;
      ok = false;
      cells.fail(column, `Raden registreras anonymt (${why.join(', ')}) och får inte innehålla ${what}: ${fix}`);
    }
    // Decision: participant_ref is ignored, not an error, on anonymous rows. domain.md forbids
    // only personnummer and names; a ref is the organisation's own pseudonym, which source
    // systems export on every row. It is still dropped, because it would link the head count
    // back to a person (and protected identities must never be traceable).
    if (!ok || birthYear === undefined) return undefined;
    return {
      participantRef: null,
      personnummer: null,
      birthDate: null,
      firstName: null,
      lastName: null,
      birthYear,
      anonymous: true,
      consent,
      protectedIdentity,
    };
  }

  const participantRef = cells.text('participant_ref');
  const rawPersonnummer = cells.raw('personnummer');
  const parsed = rawPersonnummer === '' ? null : parsePersonnummer(rawPersonnummer);
  if (rawPersonnummer !== '' && !parsed) {
    cells.fail(
      'personnummer',
      'Ogiltigt personnummer (fel format, datum eller kontrollsiffra): ange det som ÅÅÅÅMMDD-XXXX, eller lämna tomt och ange participant_ref',
    );
  }
  if (participantRef === null && rawPersonnummer === '') {
    cells.fail(
      'participant_ref',
      'Raden saknar identitet: ange participant_ref eller personnummer, eller ange anonymous=ja för en anonym registrering',
    );
  }
  const pnrYear = parsed ? Number(parsed.birthDate.slice(0, 4)) : null;
  if (birthYear != null && pnrYear !== null && birthYear !== pnrYear) {
    cells.fail(
      'birth_year',
      `Födelseåret ${birthYear} stämmer inte med personnumret: rätta något av dem, eller lämna birth_year tomt`,
    );
    return undefined;
  }
  if (birthYear === undefined || (rawPersonnummer !== '' && !parsed)) return undefined;
  if (participantRef === null && !parsed) return undefined;
  return {
    participantRef,
    personnummer: parsed?.normalized ?? null,
    birthDate: parsed?.birthDate ?? null,
    firstName: cells.text('first_name'),
    lastName: cells.text('last_name'),
    birthYear: birthYear ?? pnrYear,
    anonymous: false,
    consent,
    protectedIdentity,
  };
}

function readBirthYear(cells: CellReader, currentYear: number): number | null | undefined {
  const value = cells.raw('birth_year');
  if (value === '') return null;
  const year = Number(value);
  if (/^\d{4}$/.test(value) && year >= 1900 && year <= currentYear) return year;
  return cells.fail(
    'birth_year',
    `Födelseåret${echo(value)} är ogiltigt: ange ett år mellan 1900 och ${currentYear} (ÅÅÅÅ), eller lämna tomt`,
  );
}

function readExit(cells: CellReader, startDate: string | null | undefined, today: string, withCompletion: boolean): Exit | undefined {
  const exitDate = cells.date('exit_date', 'Avslutsdatum');
  const exitReason = cells.code('exit_reason', 'exit_reason', 'avslutsorsak');
  // Empty = not recorded; a file without the column leaves what is stored (undefined).
  const exitCompleted = withCompletion ? cells.yesNoOrEmpty('exit_completed') : undefined;
  const incomeAfter = incomeAlone(cells, 'income_after', cells.codes('income_after', 'income_source', 'försörjningskälla'));
  const occupationAfter = cells.code('occupation_after', 'occupation', 'sysselsättning');
  let ok = true;
  const fail = (column: string, reason: string) => {
    ok = false;
    cells.fail(column, reason);
  };

  if (exitDate && exitDate > today) {
    fail('exit_date', `Avslutsdatum ${exitDate} ligger efter dagens datum: registrera avslutet när det har skett`);
  } else if (exitDate && startDate && exitDate < startDate) {
    fail('exit_date', `Avslutsdatum ${exitDate} ligger före startdatum ${startDate}: rätta något av datumen`);
  }
  if (exitDate && exitReason === null) {
    fail('exit_reason', 'Avslutsorsak saknas: ange exit_reason när exit_date är ifyllt');
  }
  if (exitDate === null) {
    if (cells.raw('exit_reason') !== '') {
      fail('exit_date', 'Avslutsdatum saknas: ange exit_date när exit_reason är ifyllt, eller töm exit_reason');
    }
    // Situation after is part of the exit; without one it would be dropped without a word.
    for (const column of ['income_after', 'occupation_after', ...(withCompletion ? ['exit_completed'] : [])]) {
      if (cells.raw(column) !== '') {
        fail(column, `${column} gäller situationen efter avslut: ange exit_date och exit_reason, eller töm ${column}`);
      }
    }
  }
  if (!ok || exitDate === undefined || exitReason === undefined) return undefined;
  if (incomeAfter === undefined || occupationAfter === undefined) return undefined;
  if (withCompletion && exitCompleted === undefined) return undefined;
  return { exitDate, exitReason, exitCompleted, incomeAfter, occupationAfter };
}
