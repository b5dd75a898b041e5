import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLUMNS, validateActivities } from './activities.js';

const record = (values: Partial<Record<(typeof ACTIVITY_COLUMNS)[number], string>>) =>
  Object.fromEntries(ACTIVITY_COLUMNS.map((c) => [c, values[c] ?? ''])) as Record<string, string>;
const base = { intervention: 'AMT', participant_ref: 'R-1', enrolment_start: '2022-01-03', activity_type: 'Anställning', employment_type: 'LFU', start_date: '2022-02-01' };

describe('activities.csv rows', () => {
  it('accepts codes or Swedish labels, ja/nej and a decimal comma', () => {
    const { rows, errors } = validateActivities([record({ ...base, employment_type: 'Lönebidrag för utveckling (LFU)', extension: 'JA', hours_per_week: '37,5' })]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ activityType: 'employment', employmentType: 'wage_subsidy_development', extension: true, hoursPerWeek: 37.5 });
  });

  it('lists every error of a row, and never quotes a personnummer', () => {
    const { rows, errors } = validateActivities([
      record({ ...base, participant_ref: '', personnummer: '19800101-0018', activity_type: 'praktik', employment_type: 'new_start_job', extension: 'ja', workplace: 'Bageri 19800101-0019', end_date: '2022-01-01', hours_per_week: '70' }),
    ]);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.column).sort()).toEqual(['employment_type', 'end_date', 'extension', 'hours_per_week', 'personnummer', 'workplace']);
    expect(JSON.stringify(errors)).not.toMatch(/19800101/);
  });
});
