import { describe, expect, it } from 'vitest';
import { choiceLabel, projectOf, reportPeriodOf, type ReportPeriodChoice } from './reportPeriod';

const choice = (kind: ReportPeriodChoice['kind'], rest: Partial<ReportPeriodChoice> = {}): ReportPeriodChoice => ({ kind, year: '2025', month: '3', tertial: '2', from: '', to: '', ...rest });

describe('the report page’s periods', () => {
  it('gives the project period widened to whole months where the figures are suppressed, as the server does', () => {
    const intervention = { startDate: '2023-11-15', endDate: '2025-06-10' };
    expect(projectOf(intervention, true)).toEqual({ from: '2023-11-01', to: '2025-06-30' });
    expect(projectOf(intervention, false)).toEqual({ from: '2023-11-15', to: '2025-06-10' });
    expect(projectOf({ startDate: '2023-11-15', endDate: null }, true)).toBeNull();
    expect(projectOf(undefined, true)).toBeNull();
  });

  it('turns a choice into dates and a Swedish label', () => {
    const project = { from: '2023-11-01', to: '2025-06-30' };
    expect(reportPeriodOf(choice('tertial'), project)).toEqual({ from: '2025-05-01', to: '2025-08-31' });
    expect(reportPeriodOf(choice('project'), project)).toEqual(project);
    expect(reportPeriodOf(choice('project'), null)).toBeNull();
    expect(reportPeriodOf(choice('custom', { from: '2025-01-02', to: '2025-01-09' }), project)).toEqual({ from: '2025-01-02', to: '2025-01-09' });
    expect(choiceLabel(choice('month'))).toBe('Mars 2025');
    expect(choiceLabel(choice('tertial'))).toBe('2025 T2');
    expect(choiceLabel(choice('year'))).toBe('Helår 2025');
    expect(choiceLabel(choice('project'))).toBe('Projektperioden');
    expect(choiceLabel(choice('custom'))).toBeNull();
  });
});
