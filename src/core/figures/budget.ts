// Budget and actual costs of an intervention (issue 12, item 2; domain.md "cost per
// participant", "cost per outcome"). Amounts are kronor; rounded to whole kronor only for display.
import { codeLists } from '../code-lists.js';

export const costCategories: string[] = codeLists.cost_category.map((c) => c.code);

export type CategoryAmounts = Partial<Record<string, number>>;

const sum = (values: readonly number[]) => Math.round(values.reduce((s, x) => s + x, 0) * 100) / 100;

/**
 * Budget against actual per cost category (kostnadsslag, code-list order), with the totals:
 * difference = budget − actual (negative when over budget), used = actual ÷ budget (4 decimals,
 * null without a budget). A category shows when it has a budget or a cost.
 */
export function budgetAgainstActual(budget: CategoryAmounts, actual: CategoryAmounts) {
  const codes = [...costCategories, ...Object.keys({ ...budget, ...actual }).filter((c) => !costCategories.includes(c)).sort()];
  const rows = codes
    .filter((code) => budget[code] !== undefined || actual[code] !== undefined)
    .map((code) => line(code, budget[code] ?? 0, actual[code] ?? 0));
  const total = line('total', sum(rows.map((r) => r.budget)), sum(rows.map((r) => r.actual)));
  return { rows, total };
}

function line(category: string, budget: number, actual: number) {
  return { category, budget, actual, difference: sum([budget, -actual]), used: budget > 0 ? Math.round((actual / budget) * 10_000) / 10_000 : null };
}

/** cost per participant: actual cost in P ÷ (unique participants + anonymous) in P; null when none (or hidden). */
export function costPerParticipant(actualCost: number, participants: number | null): number | null {
  return participants ? Math.round((actualCost / participants) * 100) / 100 : null;
}

/** cost per outcome: actual cost in P ÷ exits to work or studies in P; null when none (or hidden). */
export function costPerOutcome(actualCost: number, exitsToWorkOrStudies: number | null): number | null {
  return exitsToWorkOrStudies ? Math.round((actualCost / exitsToWorkOrStudies) * 100) / 100 : null;
}

/** Total of the amounts. */
export const totalOf = (amounts: CategoryAmounts) => sum(Object.values(amounts).map((x) => x ?? 0));
