// Small-cell suppression of the case figures for readers outside the controlling organisation
// (domain.md, data protection 7): each count from 1 to k−1 is hidden; activities by type × gender
// are a table with its margins (primary and secondary suppression, suppression.ts). As for the
// key figures' completion and occupancy, periods are not decided as a family.
import type { CaseFiguresReport } from '../schemas/case-figures-report.js';
import { suppressTable } from '../suppression.js';

const isSmall = (value: number | null, k: number) => value !== null && value > 0 && value < k;
const genderKeys = ['woman', 'man', 'other', 'total'] as const;

function suppressTypes(rows: CaseFiguresReport['activities']['started'], k: number): CaseFiguresReport['activities']['started'] {
  if (rows.length === 0) return rows;
  const mask = suppressTable({ rows: rows.map((r) => [r.woman!, r.man!, r.other!]) }, k);
  return rows.map((row, i) => {
    const hidden = genderKeys.filter((_, j) => (j < 3 ? mask.rows[i]![j] : mask.rowTotals[i]));
    if (hidden.length === 0) return row;
    return { ...row, ...Object.fromEntries(hidden.map((key) => [key, null])), suppressed: hidden };
  });
}

export function suppressCaseFigures(exact: CaseFiguresReport, k: number): CaseFiguresReport {
  const { created, updated } = exact.plans;
  const plansHidden = (['created', 'updated'] as const).filter((key) => isSmall(exact.plans[key], k));
  return {
    ...exact,
    rules: { suppression_threshold: k },
    plans: plansHidden.length ? { created: plansHidden.includes('created') ? null : created, updated: plansHidden.includes('updated') ? null : updated, suppressed: plansHidden } : exact.plans,
    follow_ups_overdue: { ...exact.follow_ups_overdue, count: isSmall(exact.follow_ups_overdue.count, k) ? null : exact.follow_ups_overdue.count },
    activities: {
      started: suppressTypes(exact.activities.started, k),
      active_on: { day: exact.activities.active_on.day, types: suppressTypes(exact.activities.active_on.types, k) },
    },
    income_change: suppressIncomeChange(exact.income_change, k),
  };
}

// A group's counts do not add up to anything (several sources may apply), so no hidden count can
// be derived from the others: each from 1 to k−1 is hidden on its own (every count ≤ exits).
function suppressIncomeChange(exact: CaseFiguresReport['income_change'], k: number): CaseFiguresReport['income_change'] {
  const groups = exact.groups.map((row) => {
    const hidden = (['before', 'after'] as const).filter((key) => isSmall(row[key], k));
    return hidden.length ? { ...row, ...Object.fromEntries(hidden.map((key) => [key, null])), suppressed: hidden } : row;
  });
  return isSmall(exact.exits, k) ? { exits: null, groups, suppressed: ['exits'] } : { ...exact, groups };
}
