import { month, periodOfYear, tertial, type Period } from '../../core/dates';

export type PeriodKind = 'month' | 'tertial' | 'year' | 'custom';
export type PeriodChoice = { kind: PeriodKind; year: string; month: string; tertial: string; from: string; to: string };

/** The period a choice stands for (T1 = January–April, T2 = May–August, T3 = September–December). */
export function periodOf(choice: PeriodChoice): Period | null {
  const year = Number(choice.year);
  if (choice.kind === 'custom') return choice.from && choice.to ? { from: choice.from, to: choice.to } : null;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  if (choice.kind === 'year') return periodOfYear(year);
  if (choice.kind === 'tertial') return tertial(year, Number(choice.tertial) as 1 | 2 | 3);
  return month(year, Number(choice.month));
}
