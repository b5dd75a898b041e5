// The columns an enrolments.csv row sets on an enrolment: the anonymous facts figures are built
// from (gender, age at start, dates, reasons, situation before and after). Columns the file does
// not carry (exit detail, extents, target groups, notes) are left as they are on update.
import type { EnrolmentRow } from '../../core/import/rows.js';
import { column, type Column, type SqlType } from './bulk.repository.js';

export type EnrolmentFacts = {
  team_id: string | null;
  gender: string;
  age_at_start: number | null;
  start_date: string;
  exit_date: string | null;
  exit_reason: string | null;
  exit_completed: boolean | null;
  referrer_org_id: string | null;
  income_before: string[];
  occupation_before: string | null;
  education: string | null;
  income_after: string[];
  occupation_after: string | null;
};

const FACT_TYPES: Record<keyof EnrolmentFacts, SqlType> = {
  team_id: 'uuid',
  gender: 'text',
  age_at_start: 'int',
  start_date: 'date',
  exit_date: 'date',
  exit_reason: 'text',
  exit_completed: 'boolean',
  referrer_org_id: 'uuid',
  income_before: 'text[]',
  occupation_before: 'text',
  education: 'text',
  income_after: 'text[]',
  occupation_after: 'text',
};

/** The fact columns of a planned insert or update ({ facts }). */
export const FACT_COLUMNS: readonly Column<{ facts: EnrolmentFacts }>[] = (
  Object.entries(FACT_TYPES) as [keyof EnrolmentFacts, SqlType][]
).map(([name, type]) => column(name, type, (row: { facts: EnrolmentFacts }) => row.facts[name]));

export function enrolmentFacts(
  row: EnrolmentRow,
  teamId: string | null,
  referrerId: string | null,
  ageAtStart: number | null,
  /** What is stored, kept when the file has no exit_completed column. */
  storedCompletion: boolean | null,
): EnrolmentFacts {
  return {
    team_id: teamId,
    gender: row.gender,
    age_at_start: ageAtStart,
    start_date: row.startDate,
    exit_date: row.exitDate,
    exit_reason: row.exitReason,
    exit_completed: row.exitCompleted === undefined ? storedCompletion : row.exitCompleted,
    referrer_org_id: referrerId,
    income_before: row.incomeBefore,
    occupation_before: row.occupationBefore,
    education: row.education,
    income_after: row.incomeAfter,
    occupation_after: row.occupationAfter,
  };
}

/** True when the stored enrolment already holds every fact of the row (an unchanged row). */
export function sameFacts(current: EnrolmentFacts, next: EnrolmentFacts): boolean {
  return (Object.keys(next) as (keyof EnrolmentFacts)[]).every((field) => {
    const a = current[field];
    const b = next[field];
    return Array.isArray(a) && Array.isArray(b) ? a.join('|') === b.join('|') : (a ?? null) === (b ?? null);
  });
}
