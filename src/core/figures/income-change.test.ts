import { describe, expect, it } from 'vitest';
import type { CaseFiguresReport } from '../schemas/case-figures-report.js';
import { suppressCaseFigures } from '../suppression/case-figures.js';
import { incomeChange, incomeGroups } from './income-change.js';

const P = { from: '2024-01-01', to: '2024-12-31' };
const exit = (incomeBefore: string[], incomeAfter: string[], exitDate = '2024-05-01', exitReason = 'work') => ({ exitDate, exitReason, incomeBefore, incomeAfter });

describe('income change', () => {
  it('counts each group once per exit, before and after, among exits with both recorded', () => {
    const result = incomeChange(
      [
        exit(['social_assistance', 'sickness_benefit'], ['salary']),
        exit(['social_assistance'], ['social_assistance', 'student_aid']),
        exit(['unknown'], ['salary']), // nothing recorded at start: left out
        exit(['salary'], []), // nothing at exit: left out
        exit(['social_assistance'], ['salary'], '2023-12-31'), // exit before the period
        exit(['social_assistance'], ['salary'], '2024-06-01', 'registration_error'),
      ],
      P,
    );
    expect(result.exits).toBe(2);
    expect(result.groups.map((g) => g.group)).toEqual(incomeGroups);
    const of = (group: string) => result.groups.find((g) => g.group === group);
    expect(of('financial_assistance')).toEqual({ group: 'financial_assistance', before: 2, after: 1 });
    expect(of('ill_health')).toEqual({ group: 'ill_health', before: 1, after: 0 });
    expect(of('self_support')).toEqual({ group: 'self_support', before: 0, after: 2 });
  });
});

describe('income change outside the controlling organisation', () => {
  const report = (exits: number, before: number, after: number): CaseFiguresReport => ({
    report: 'case_figures', version: 1, scope: { intervention: 'X' }, period: P, rules: { suppression_threshold: null },
    plans: { created: 0, updated: 0 }, follow_ups_overdue: { day: P.to, count: 0 }, activities: { started: [], active_on: { day: P.to, types: [] } },
    income_change: { exits, groups: [{ group: 'self_support', label: 'Egen försörjning', before, after }] },
  });

  it('hides each count from 1 to k−1 and keeps the rest', () => {
    const hidden = suppressCaseFigures(report(12, 3, 9), 5).income_change;
    expect(hidden).toEqual({ exits: 12, groups: [{ group: 'self_support', label: 'Egen försörjning', before: null, after: 9, suppressed: ['before'] }] });
    const few = suppressCaseFigures(report(4, 0, 4), 5).income_change;
    expect(few.exits).toBeNull();
    expect(few.groups[0]).toMatchObject({ before: 0, after: null });
  });
});
