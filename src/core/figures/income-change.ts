import { codeLists, groupOf, type IncomeSourceGroup } from '../code-lists.js';
import type { Period } from '../dates.js';

/** What income change reads of an enrolment. */
export type IncomeChangeFact = { exitDate: string | null; exitReason: string | null; incomeBefore: readonly string[]; incomeAfter: readonly string[] };

/** The income-source groups in code-list order (ohälsa, arbetsmarknadsstöd, ekonomiskt bistånd, egen försörjning, övrigt). */
export const incomeGroups: IncomeSourceGroup[] = [...new Set(codeLists.income_source.map((entry) => entry.group))];

/** Income sources are recorded when at least one is given other than "Uppgift saknas" (unknown). */
export const incomeRecorded = (sources: readonly string[]): boolean => sources.some((source) => source !== 'unknown');

export type IncomeChange = { exits: number; groups: { group: IncomeSourceGroup; before: number; after: number }[] };

/**
 * Income change (domain.md): the exits in P (never `registration_error`) with income sources
 * recorded both at start and at exit, and per income-source group how many of them had at least
 * one source of the group before and after. Several sources may apply, so a group's counts do not
 * add up to the exits; every group is listed, in code-list order.
 */
export function incomeChange(facts: readonly IncomeChangeFact[], p: Period): IncomeChange {
  const exits = facts.filter(
    (f) => f.exitDate !== null && f.exitDate >= p.from && f.exitDate <= p.to && f.exitReason !== 'registration_error' && incomeRecorded(f.incomeBefore) && incomeRecorded(f.incomeAfter),
  );
  const has = (sources: readonly string[], group: IncomeSourceGroup) => sources.some((source) => groupOf('income_source', source) === group);
  return {
    exits: exits.length,
    groups: incomeGroups.map((group) => ({
      group,
      before: exits.filter((f) => has(f.incomeBefore, group)).length,
      after: exits.filter((f) => has(f.incomeAfter, group)).length,
    })),
  };
}
