import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headerChanges, subGoalChanges, type PlanFields, type SubGoalFields } from './plan-changes.js';

const text = fc.option(fc.string({ maxLength: 20 }), { nil: null });
const date = fc.option(fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'), { nil: null });
const header: fc.Arbitrary<PlanFields> = fc.record({ mainGoal: text, ownWords: text, nextFollowUp: date, health: fc.boolean() });
const subGoal: fc.Arbitrary<SubGoalFields> = fc.record({
  text,
  responsibleOrgId: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  targetDate: date,
  status: fc.constantFrom('not_started', 'ongoing', 'reached', 'dropped'),
  health: fc.boolean(),
});

describe('plan changes', () => {
  it('name exactly the fields that differ, and never carry free text', () => {
    fc.assert(
      fc.property(header, header, (before, after) => {
        const changes = headerChanges(before, after);
        const differs = (['mainGoal', 'ownWords', 'nextFollowUp', 'health'] as const).filter((k) => before[k] !== after[k]);
        expect(changes.map((c) => c.field)).toEqual(differs);
        for (const c of changes) if (c.field === 'mainGoal' || c.field === 'ownWords') expect(c.to).toBeUndefined();
        expect(headerChanges(after, after)).toEqual([]);
      }),
      { seed: 10, numRuns: 300 },
    );
    fc.assert(
      fc.property(subGoal, subGoal, (before, after) => {
        const changes = subGoalChanges('g', before, after);
        expect(changes.length === 0).toBe(JSON.stringify(before) === JSON.stringify(after));
        expect(changes.every((c) => c.subGoalId === 'g' && (c.field !== 'subGoalText' || c.to === undefined))).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('mark a first save as created and a new sub-goal as added', () => {
    expect(headerChanges(null, { mainGoal: 'Arbete', ownWords: null, nextFollowUp: null, health: false })).toEqual([{ field: 'created' }]);
    expect(subGoalChanges('g', null, { text: 'Komma i tid', responsibleOrgId: null, targetDate: null, status: 'ongoing', health: false })).toEqual([
      { field: 'subGoalAdded', subGoalId: 'g', to: 'ongoing' },
    ]);
  });
});
