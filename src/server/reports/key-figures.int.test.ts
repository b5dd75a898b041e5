import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodOfYear, type Period } from '../../core/dates.js';
import { computeKeyFigures } from '../../core/figures/key-figures.js';
import { historyOf, suppressedOutcomes } from '../../core/figures/outcomes-family.js';
import { calendarPeriodName, rangeOf } from '../../core/figures/periods.js';
import type { KeyFiguresScope } from '../../core/schemas/key-figures-report.js';
import { suppressKeyFigures } from '../../core/suppression/key-figures.js';
import { worldFixture } from '../../test/fixture.js';
import { anonymousArb, calendarArb, factsArb, periodArb, storeKeyFacts, type Fact } from '../../test/key-facts.js';
import { systemScope } from '../access/data-scope.js';
import { systemAuditActor } from '../audit/audit.js';
import { importEnrolments, importInterventions, importOrganisations } from '../import/import.service.js';
import { computeKeyFiguresReport } from './key-figures.service.js';

// The key figures counted in SQL equal the figure definitions in core (the oracle), for every
// kind of scope and period, with and without suppression; and the Aktivitetscenter 2018 files
// give the figures of their expected-figures.json.

const t = worldFixture({ app: false });

// The world's interventions: 50 places and a standing volume target of 100 each; the förbund has
// KOMMUNINSATS and AF-INSATS (with no enrolments here), the organisation KOMMUN only KOMMUNINSATS.
const scopes: { scope: KeyFiguresScope; team?: Fact['team']; places: number | null; target: number | null }[] = [
  { scope: { intervention: 'KOMMUNINSATS' }, places: 50, target: 100 },
  { scope: { intervention: 'KOMMUNINSATS', team: 'Team A' }, team: 'Team A', places: null, target: null },
  { scope: { organisation: 'KOMMUN' }, places: 50, target: 100 },
  { scope: { association: 'FORBUND' }, places: 100, target: 200 },
];

const isCalendarYear = (p: Period) => p.from === periodOfYear(Number(p.from.slice(0, 4))).from && p.to === periodOfYear(Number(p.from.slice(0, 4))).to;

describe('the key figures computed in SQL', () => {
  it('equal the figure definitions in core for every scope, any range and the calendar periods suppressed', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        factsArb,
        fc.array(anonymousArb, { maxLength: 6 }),
        fc.array(periodArb, { minLength: 1, maxLength: 2 }),
        calendarArb,
        fc.boolean(),
        async (generated, anonymous, periods, calendar, subsidised) => {
          const facts = await storeKeyFacts(t.db, t.world, generated, anonymous);
          const rules = { subsidised_counts_as_work: subsidised, suppression_threshold: null };
          for (const period of periods) {
            for (const { scope, team, places, target } of scopes) {
              const inScope = <T extends { team: Fact['team'] }>(rows: T[]) => (team ? rows.filter((r) => r.team === team) : rows);
              const fromSql = await computeKeyFiguresReport(t.db, { scope, period, suppress: false, subsidisedCountsAsWork: subsidised });
              const oracle = computeKeyFigures({
                scope,
                period,
                rules,
                enrolments: inScope(facts).map((f) => ({ ...f, person: `kommun ${f.person}` })),
                anonymous: inScope(anonymous),
                volumeTarget: isCalendarYear(period) ? target : null,
                places,
              });
              expect(fromSql).toEqual(oracle);
            }
          }
          // Suppressed: the outcomes family's decision for the flow, the rest decided on the exact figures.
          const scope = { intervention: 'KOMMUNINSATS' };
          const range = rangeOf(calendar, null)!;
          const fromSql = await computeKeyFiguresReport(t.db, { scope, period: calendarPeriodName(calendar), suppress: true, subsidisedCountsAsWork: subsidised });
          const exact = computeKeyFigures({ scope, period: range, rules, enrolments: facts, anonymous, volumeTarget: calendar.kind === 'year' ? 100 : null, places: 50 });
          const outcomes = suppressedOutcomes({ history: historyOf(facts, anonymous), scope, rules: { subsidised_counts_as_work: subsidised }, period: calendar, project: null, k: 5 });
          expect(fromSql).toEqual(suppressKeyFigures(exact, outcomes, 5));
        },
      ),
      { numRuns: 15, seed: Number(process.env.FC_SEED ?? 20_261_128) },
    );
  });

  it('refuses suppressed figures for a team or an organisation, and a scope that does not exist', async () => {
    const period = { from: '2023-01-01', to: '2023-12-31' };
    await expect(computeKeyFiguresReport(t.db, { scope: { organisation: 'KOMMUN' }, period, suppress: true })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(computeKeyFiguresReport(t.db, { scope: { intervention: 'KOMMUNINSATS', team: 'Team Z' }, period, suppress: false })).rejects.toMatchObject({ code: 'not_found' });
    await expect(computeKeyFiguresReport(t.db, { scope: { association: 'KOMMUN' }, period, suppress: false })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the reference data', () => {
  const read = (set: string, name: string) => fs.readFileSync(new URL(`../../../../shared/data/${set}/${name}`, import.meta.url));
  const opts = { dryRun: false, scope: systemScope('cli_import'), audit: systemAuditActor('test') };
  const importSet = async (set: string) => {
    for (const [name, run] of [['organisations.csv', importOrganisations], ['interventions.csv', importInterventions], ['enrolments.csv', importEnrolments]] as const) {
      const result = await run(t.db, read(set, name), opts);
      expect(result.ok, `${set}/${name}: ${JSON.stringify(result).slice(0, 500)}`).toBe(true);
    }
  };
  const year2018 = { from: '2018-01-01', to: '2018-12-31' };

  it('Aktivitetscenter 2018 gives exactly the keys of its expected-figures.json', async () => {
    await importSet('aktivitetscenter-2018');
    const report = await computeKeyFiguresReport(t.db, { scope: { intervention: 'AKTIVITETSCENTER' }, period: year2018, suppress: false });
    const expected = JSON.parse(read('aktivitetscenter-2018', 'expected-figures.json').toString('utf8'));
    const present = Object.fromEntries(Object.keys(expected).map((key) => [key, report[key as keyof typeof report]]));
    expect(present).toEqual(expected);
  });

  it('Avanti 2018: the flow and work-or-studies of the key figures are the expected outcomes table', async () => {
    await importSet('avanti-2018');
    const report = await computeKeyFiguresReport(t.db, { scope: { intervention: 'AVANTI' }, period: year2018, suppress: false });
    const expected = JSON.parse(read('avanti-2018', 'expected-outcomes.json').toString('utf8'));
    const { unique_participants: _, ...flow } = report.flow;
    expect(flow).toEqual(expected.flow);
    for (const key of ['woman', 'man', 'other', 'total'] as const) {
      const { count, share } = expected.work_or_studies[key];
      expect(report.work_or_studies[key]).toEqual({ count, share: share === null ? null : Math.round(share * 10_000) / 10_000 });
    }
  });
});
