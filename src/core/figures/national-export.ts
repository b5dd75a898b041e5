// The national aggregates export (Uppföljning Finsam, issue 12 item 9; docs/national-export.md):
// per förbund and year, one row per intervention. Counts leave the controlling organisations, so
// they come from the suppressed key figures (a hidden count is null and written "Dolt"); money
// is no one's personal data and is shown as it is (null = not given, an empty cell).
import { reportGenderLabels } from '../code-lists.js';
import type { KeyFiguresReport } from '../schemas/key-figures-report.js';
import { defuseFormula } from '../formula-injection.js';
import { quote } from './outcomes-csv-excel.js';

export const orientationLabels = { individual: 'Individinriktad', structural: 'Strukturinriktad' } as const;
export const followUpMethodLabels = { stegvis: 'Stegvis', sus: 'SUS', other: 'Annan' } as const;

export type NationalInterventionFacts = {
  code: string;
  name: string;
  owner: string;
  orientation: keyof typeof orientationLabels;
  followUpMethod: keyof typeof followUpMethodLabels;
  /** The year's volume target (planerat antal deltagare), or null. */
  volumeTarget: number | null;
  grant: number | null;
  /** The year's budget: the sum of its cost-category lines; null when none is set. */
  budget: number | null;
  /** Actual costs of the year's months; null when none are recorded. */
  actualCost: number | null;
  administrativeCost: number | null;
};

/** One row of the export; a count is null when it is hidden by small-cell suppression. */
export type NationalRow = NationalInterventionFacts & {
  association: string;
  year: number;
  woman: number | null;
  man: number | null;
  other: number | null;
  total: number | null;
  anonymous: number | null;
};

const plus = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : a + b);

/**
 * participants by gender: unique participants + anonymously registered of the year, per gender
 * and in total (domain.md, volume: "unique participants + anonymous"), from the year's
 * (suppressed) key figures; a sum with a hidden part is hidden.
 */
export function nationalRowOf(association: string, year: number, facts: NationalInterventionFacts, figures: KeyFiguresReport): NationalRow {
  const unique = figures.flow.unique_participants;
  const anonymous = figures.flow.anonymous;
  return {
    association,
    year,
    ...facts,
    woman: plus(unique.woman, anonymous.woman),
    man: plus(unique.man, anonymous.man),
    other: plus(unique.other, anonymous.other),
    total: figures.volume.participants,
    anonymous: anonymous.total,
  };
}

/** count: hidden when null; number: empty when null (not given); money: kronor, empty when null. */
type Kind = 'text' | 'count' | 'number' | 'money';
/** The columns in file order: header, kind, value (docs/national-export.md lists them with their codes). */
export const nationalColumns: { header: string; kind: Kind; value: (r: NationalRow) => string | number | null }[] = [
  { header: 'Förbund', kind: 'text', value: (r) => r.association },
  { header: 'År', kind: 'number', value: (r) => r.year },
  { header: 'Insatskod', kind: 'text', value: (r) => r.code },
  { header: 'Insats', kind: 'text', value: (r) => r.name },
  { header: 'Insatsägare', kind: 'text', value: (r) => r.owner },
  { header: 'Inriktning', kind: 'text', value: (r) => orientationLabels[r.orientation] },
  { header: 'Uppföljningsmetod', kind: 'text', value: (r) => followUpMethodLabels[r.followUpMethod] },
  { header: `Deltagare ${reportGenderLabels.woman.toLowerCase()}`, kind: 'count', value: (r) => r.woman },
  { header: `Deltagare ${reportGenderLabels.man.toLowerCase()}`, kind: 'count', value: (r) => r.man },
  { header: `Deltagare ${reportGenderLabels.other.toLowerCase()}`, kind: 'count', value: (r) => r.other },
  { header: 'Deltagare totalt', kind: 'count', value: (r) => r.total },
  { header: 'Därav anonymt registrerade', kind: 'count', value: (r) => r.anonymous },
  { header: 'Planerat antal deltagare', kind: 'number', value: (r) => r.volumeTarget },
  { header: 'Beviljade medel (kr)', kind: 'money', value: (r) => r.grant },
  { header: 'Budget (kr)', kind: 'money', value: (r) => r.budget },
  { header: 'Faktisk kostnad (kr)', kind: 'money', value: (r) => r.actualCost },
  { header: 'Administrativa kostnader (kr)', kind: 'money', value: (r) => r.administrativeCost },
];

/** The word a hidden count is written as, in every format. */
export const hiddenWord = 'Dolt';

/** A cell as people read it: a hidden count "Dolt", a missing amount empty, money with decimal comma. */
export function nationalCellText(kind: Kind, value: string | number | null): string {
  if (value === null) return kind === 'count' ? hiddenWord : '';
  if (typeof value === 'string') return defuseFormula(value);
  return kind === 'money' ? value.toFixed(2).replace('.', ',') : String(value);
}

/**
 * The export as a CSV file for people: UTF-8 with a byte order mark, semicolons, CRLF, decimal
 * comma, free text defused against formula injection.
 */
export function nationalExportCsv(rows: readonly NationalRow[]): string {
  const lines = [nationalColumns.map((c) => c.header)];
  for (const row of rows) {
    lines.push(nationalColumns.map((c) => nationalCellText(c.kind, c.value(row))));
  }
  return `\uFEFF${lines.map((line) => line.map(quote).join(';')).join('\r\n')}\r\n`;
}
