import { describe, expect, it } from 'vitest';
import { choiceOfSearch, searchOfChoice, serverPeriodName, type ReportPeriodChoice } from './reportPeriod';

const base: ReportPeriodChoice = { kind: 'year', year: '2026', month: '1', tertial: '1', from: '', to: '' };

describe('the report selection in the address', () => {
  it('goes there and back for every kind of period', () => {
    const choices: ReportPeriodChoice[] = [
      { ...base, kind: 'year', year: '2025' },
      { ...base, kind: 'tertial', year: '2025', tertial: '2' },
      { ...base, kind: 'month', year: '2025', month: '3' },
      { ...base, kind: 'project' },
      { ...base, kind: 'custom', from: '2025-02-10', to: '2025-06-30' },
    ];
    for (const choice of choices) expect(choiceOfSearch(searchOfChoice(choice), base)).toEqual(choice);
    expect(searchOfChoice(choices[1])).toEqual({ period: '2025-T2' });
    expect(searchOfChoice(choices[2])).toEqual({ period: '2025-03' });
    expect(serverPeriodName(choices[3])).toBe('project');
    expect(serverPeriodName(choices[4])).toBeUndefined();
  });

  it('names no period for an address without one or with nonsense', () => {
    expect(choiceOfSearch({ insats: 'AVANTI' }, base)).toBeNull();
    expect(choiceOfSearch({ period: '2025-T7' }, base)).toBeNull();
    expect(choiceOfSearch({ period: 'igår' }, base)).toBeNull();
  });
});
