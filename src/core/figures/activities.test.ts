import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genders } from '../code-lists.js';
import { activitiesActiveOn, activitiesStarted, employmentsStarted, personsEmployed, type ActivityFact } from './activities.js';

const P = { from: '2022-01-01', to: '2022-12-31' };
let serial = 0;
function activity(overrides: Partial<ActivityFact>): ActivityFact {
  serial += 1;
  return {
    id: `a${String(serial).padStart(4, '0')}`,
    personId: `p${serial}`,
    gender: 'woman',
    enrolmentExitReason: null,
    activityType: 'employment',
    employmentType: 'unsubsidised',
    extension: false,
    status: 'ongoing',
    startDate: '2022-03-01',
    endDate: null,
    ...overrides,
  };
}

/**
 * Arbetsmarknadstorget Sundsvall, slutrapport 2022: "Totalt 111 anställningar (82 anställningar
 * med lönebidrag): 47 nya beslut (LFU/OSA), 35 förlängningar (LFU/OSA), 12 anställning utan stöd,
 * 10 nystartsjobb, 4 introduktionsjobb, 3 Samhall". An extension follows the person's earlier
 * decision, which ends the day before; every other employment is a person's first.
 */
function amt2022(): ActivityFact[] {
  const rows: ActivityFact[] = [];
  const add = (n: number, employmentType: string, extra: (i: number) => Partial<ActivityFact> = () => ({})) => {
    for (let i = 0; i < n; i += 1) {
      const month = String((i % 12) + 1).padStart(2, '0');
      rows.push(activity({ employmentType, gender: i % 3 === 0 ? 'man' : 'woman', startDate: `2022-${month}-01`, ...extra(i) }));
    }
  };
  add(40, 'wage_subsidy_development');
  add(7, 'sheltered_public');
  add(3, 'wage_subsidy_development', () => ({ status: 'cancelled' })); // never took place
  for (let i = 0; i < 35; i += 1) {
    const type = i < 30 ? 'wage_subsidy_development' : 'sheltered_public';
    const month = String((i % 12) + 1).padStart(2, '0');
    const earlier = activity({ employmentType: type, startDate: '2021-01-15', endDate: `2022-${month}-01` });
    rows.push(earlier, activity({ personId: earlier.personId, employmentType: type, extension: true, startDate: `2022-${month}-02` }));
  }
  add(12, 'unsubsidised');
  add(10, 'new_start_job');
  add(4, 'introduction_job');
  add(3, 'samhall');
  add(5, 'unsubsidised', () => ({ startDate: '2021-12-31', endDate: '2021-12-31' })); // before the year
  return rows;
}

describe('employment figures for data shaped like AMT 2022', () => {
  const started = employmentsStarted(amt2022(), P);
  const of = (type: string) => started.find((row) => row.type === type);

  it('gives 111 employments: 47 new LFU/OSA decisions, 35 extensions, 12 without support, 10 nystartsjobb, 4 introduktionsjobb, 3 Samhall', () => {
    const lfuOsa = [of('wage_subsidy_development'), of('sheltered_public')];
    expect(started.reduce((sum, row) => sum + row.total, 0)).toBe(111);
    expect(lfuOsa.reduce((sum, row) => sum + (row?.new ?? 0), 0)).toBe(47);
    expect(lfuOsa.reduce((sum, row) => sum + (row?.extension ?? 0), 0)).toBe(35);
    expect([of('unsubsidised')?.total, of('new_start_job')?.total, of('introduction_job')?.total, of('samhall')?.total]).toEqual([12, 10, 4, 3]);
    expect(started.map((row) => row.type)).toEqual(['unsubsidised', 'introduction_job', 'new_start_job', 'wage_subsidy_development', 'sheltered_public', 'samhall']);
  });

  it('counts a person with a decision and its extension once per type and once in the total', () => {
    const persons = personsEmployed(amt2022(), P);
    expect(persons.total.total).toBe(111);
    expect(persons.types.find((row) => row.type === 'wage_subsidy_development')?.total).toBe(40 + 30);
  });
});

describe('activity figures at their boundaries', () => {
  it('an activity ending on d is active on d, one starting the day after is not', () => {
    const acts = [activity({ activityType: 'internship', endDate: '2022-05-01' }), activity({ activityType: 'internship', startDate: '2022-05-02' })];
    expect(activitiesActiveOn(acts, '2022-05-01')).toEqual([{ type: 'internship', woman: 1, man: 0, other: 0, total: 1 }]);
    expect(activitiesActiveOn(acts, '2022-05-02')).toEqual([{ type: 'internship', woman: 1, man: 0, other: 0, total: 1 }]);
    expect(activitiesActiveOn(acts, '2022-02-28')).toEqual([]);
  });

  it('leaves out cancelled activities and those of a registration error', () => {
    const acts = [activity({ status: 'cancelled' }), activity({ enrolmentExitReason: 'registration_error' }), activity({ activityType: 'work_training', employmentType: null })];
    expect(activitiesStarted(acts, P)).toEqual([{ type: 'work_training', woman: 1, man: 0, other: 0, total: 1 }]);
  });
});

const arbitraryActivity = fc.record({
  id: fc.uuid(),
  personId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
  gender: fc.constantFrom(...genders),
  enrolmentExitReason: fc.constantFrom(null, 'work', 'registration_error'),
  activityType: fc.constantFrom('employment', 'internship'),
  employmentType: fc.constantFrom('new_start_job', 'samhall'),
  extension: fc.boolean(),
  status: fc.constantFrom('ongoing' as const, 'cancelled' as const),
  startDate: fc.constantFrom('2021-12-31', '2022-01-01', '2022-06-30', '2022-12-31', '2023-01-01'),
  endDate: fc.constantFrom(null, '2021-12-31', '2022-01-01', '2023-01-01'),
});

describe('employment figures hold together', () => {
  it('new + extension = started; total persons between the largest type and the sum of types', () => {
    fc.assert(
      fc.property(fc.array(arbitraryActivity, { maxLength: 30 }), (acts) => {
        for (const row of employmentsStarted(acts, P)) expect(row.new + row.extension).toBe(row.total);
        const persons = personsEmployed(acts, P);
        const perType = persons.types.map((row) => row.total);
        expect(persons.total.total).toBeLessThanOrEqual(perType.reduce((a, b) => a + b, 0));
        expect(persons.total.total).toBeGreaterThanOrEqual(Math.max(0, ...perType));
        expect(persons.total.woman + persons.total.man + persons.total.other).toBe(persons.total.total);
      }),
      { seed: 20221231, numRuns: 300 },
    );
  });
});
