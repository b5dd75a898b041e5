import { describe, expect, it } from 'vitest';
import { followUpsOverdue, meetingsByType, plansCreated, plansUpdated, type PlanFact } from './case-work.js';
import { median, referralToStartDays, startToExitDays } from './lead-times.js';

const P = { from: '2024-01-01', to: '2024-12-31' };
const plan = (revisionDays: string[], enrolmentExitReason: string | null = null): PlanFact => ({ revisionDays, enrolmentExitReason });

describe('plans created and updated', () => {
  const plans = [
    plan(['2023-12-31', '2024-01-01']), // created before, updated in P
    plan(['2024-03-01']), // created in P, never revised
    plan(['2024-03-01', '2024-03-01']), // created and revised in P: both figures
    plan(['2024-12-31']),
    plan(['2025-01-01']),
    plan(['2023-05-01', '2025-01-01']),
    plan(['2024-02-01', '2024-04-01'], 'registration_error'),
  ];
  it('counts first saves in P as created', () => expect(plansCreated(plans, P)).toBe(3));
  it('counts plans with a later revision in P as updated', () => expect(plansUpdated(plans, P)).toBe(2));
});

describe('follow-ups overdue on a day', () => {
  const e = (nextFollowUp: string | null, exitDate: string | null = null) => ({ startDate: '2024-01-01', exitDate, exitReason: exitDate ? 'work' : null, nextFollowUp });
  it('counts active enrolments whose next follow-up is before the day', () => {
    expect(followUpsOverdue([e('2024-05-09'), e('2024-05-10'), e(null), e('2024-01-02', '2024-05-09'), e('2024-01-02', '2024-05-10')], '2024-05-10')).toBe(2);
  });
});

describe('meetings by type', () => {
  it('counts meetings held in P per type in code-list order, SIP included', () => {
    const m = (type: string, day: string) => ({ type, day, enrolmentExitReason: null });
    const result = meetingsByType([m('sip', '2024-02-01'), m('mapping', '2024-02-01'), m('sip', '2024-12-31'), m('sip', '2025-01-01')], P);
    expect(result).toEqual({ types: [{ type: 'mapping', count: 1 }, { type: 'sip', count: 2 }], total: 3 });
  });
});

describe('lead times', () => {
  it('takes the median, the mean of the middle two for an even number, null for none', () => {
    expect([median([]), median([5]), median([9, 1, 4]), median([1, 2, 4, 10])]).toEqual([null, 5, 4, 3]);
  });
  it('measures referral to start over starts in P and start to exit over exits in P', () => {
    const facts = [
      { referralDate: '2023-12-01', startDate: '2024-01-01', exitDate: '2024-01-31', exitReason: 'work' },
      { referralDate: null, startDate: '2024-02-01', exitDate: null, exitReason: null },
      { referralDate: '2024-01-20', startDate: '2024-02-01', exitDate: '2025-02-01', exitReason: 'work' },
    ];
    expect(referralToStartDays(facts, P)).toBe((31 + 12) / 2);
    expect(startToExitDays(facts, P)).toBe(30);
  });
});
