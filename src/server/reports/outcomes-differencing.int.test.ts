// Security finding 5: suppressed cells must not be recoverable by differencing. As the förbund,
// ask for every period the API gives suppressed figures for — every calendar year, tertial and
// month of two years with small counts, the year before and the year after, and the project
// period — and for every `to` one day apart; then put ALL the answers into one linear system
// (core/suppression/differencing.ts, written from the figure definitions, exact arithmetic) and
// try to recover each hidden cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageAtStart } from '../../core/age.js';
import type { Gender } from '../../core/code-lists.js';
import { addDays } from '../../core/dates.js';
import { computeOutcomes, type AnonymousFact, type EnrolmentFact } from '../../core/figures/outcomes.js';
import { calendarPeriodName, calendarPeriodOf, rangeOf, type CalendarPeriod } from '../../core/figures/periods.js';
import type { OutcomesReport } from '../../core/schemas/outcomes-report.js';
import { recoverable } from '../../core/suppression/differencing.js';
import { login, testApp, type Client } from '../../test/http.js';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, type World } from '../../test/world.js';
import type { App } from '../app.js';

let tdb: TestDatabase;
let world: World;
let app: App;
let forbund: Client;
let lead: Client;

const project = { from: '2023-02-01', to: '2024-10-31' };
const K = 5;

/** About three starts a month over 2023–2024, a third still open: small counts everywhere. */
function demoLikeFacts(): { enrolments: EnrolmentFact[]; anonymous: AnonymousFact[] } {
  let seed = 20_231;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const enrolments = Array.from({ length: 75 }, (): EnrolmentFact => {
    const startDate = addDays('2023-01-01', Math.floor(random() * 700));
    const exit = random() < 0.65 ? addDays(startDate, 10 + Math.floor(random() * 300)) : null;
    const exitDate = exit && exit <= '2024-12-31' ? exit : null;
    return {
      gender: pick<Gender>(['woman', 'woman', 'man', 'man', 'other']),
      birthDate: null,
      birthYear: pick([1970, 1985, 1998, 2003]),
      startDate,
      exitDate,
      exitReason: exitDate ? pick(['work', 'subsidised_work', 'studies', 'job_seeking', 'sfi', 'moved', 'interrupted']) : null,
    };
  });
  const anonymous: AnonymousFact[] = [
    { year: 2023, gender: 'woman', count: 3 },
    { year: 2023, gender: 'man', count: 7 },
    { year: 2024, gender: 'other', count: 1 },
    { year: 2024, gender: 'woman', count: 6 },
  ];
  return { enrolments, anonymous };
}

const facts = demoLikeFacts();

beforeAll(async () => {
  tdb = await openTestDatabase();
  world = await seedWorld(tdb.db);
  app = await testApp(tdb.db);
  const { db } = tdb;
  await db.updateTable('interventions').set({ start_date: project.from, end_date: project.to }).where('id', '=', world.interventions.kommunInsats).execute();
  const persons = await db
    .insertInto('persons')
    .values(facts.enrolments.map((e, i) => ({ controller_org_id: world.orgs.kommun, participant_ref: `D-${i}`, gender: e.gender, birth_year: e.birthYear })))
    .returning('id')
    .execute();
  await db
    .insertInto('enrolments')
    .values(
      facts.enrolments.map((e, i) => ({
        person_id: persons[i].id,
        intervention_id: world.interventions.kommunInsats,
        controller_org_id: world.orgs.kommun,
        gender: e.gender,
        age_at_start: ageAtStart(e.startDate, e.birthDate, e.birthYear),
        start_date: e.startDate,
        exit_date: e.exitDate,
        exit_reason: e.exitReason,
      })),
    )
    .execute();
  await db
    .insertInto('anonymous_registrations')
    .values(facts.anonymous.map((a) => ({ intervention_id: world.interventions.kommunInsats, controller_org_id: world.orgs.kommun, ...a })))
    .execute();
  forbund = await login(app, world.users.associationAdmin.email);
  lead = await login(app, world.users.lead.email);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const url = (query: string) => `/api/v1/reports/outcomes?intervention=KOMMUNINSATS&${query}`;

function calendarPeriods(years: readonly number[]): CalendarPeriod[] {
  return years.flatMap((year): CalendarPeriod[] => [
    { kind: 'year', year },
    ...([1, 2, 3] as const).map((t): CalendarPeriod => ({ kind: 'tertial', year, tertial: t })),
    ...Array.from({ length: 12 }, (_, i): CalendarPeriod => ({ kind: 'month', year, month: i + 1 })),
  ]);
}

const smallVisible = (report: OutcomesReport) =>
  [
    ...(['enrolled', 'active', 'exited'] as const).flatMap((line) => (['woman', 'man', 'other', 'total', 'under_30'] as const).map((key) => report.flow[line][key])),
    ...(['woman', 'man', 'other', 'total'] as const).map((key) => report.flow.anonymous[key]),
    ...report.exit_reasons.flatMap((row) => [row.woman, row.man, row.other, row.total]),
    ...(['woman', 'man', 'other', 'total'] as const).map((key) => report.work_or_studies[key].count),
  ].filter((x) => x !== null && x >= 1 && x < K);

const truthOf = (report: OutcomesReport) =>
  computeOutcomes({ scope: { intervention: 'KOMMUNINSATS' }, period: report.period, enrolments: facts.enrolments, anonymous: facts.anonymous });

describe('suppressed outcomes resist differencing (security finding 5)', () => {
  it('as the förbund, every period it can get, and every `to` one day apart, together give no hidden cell away', { timeout: 600_000 }, async () => {
    const answers: OutcomesReport[] = [];
    // Every calendar period of the two years, the year before and the year after, by name.
    const periods: CalendarPeriod[] = [...calendarPeriods([2022, 2023, 2024, 2025]), { kind: 'project' }];
    for (const period of periods) {
      const response = await forbund.get(url(`period=${calendarPeriodName(period)}`));
      expect(response.status, calendarPeriodName(period)).toBe(200);
      answers.push(response.body);
    }
    // The attack of the finding: `to` one day apart. Only calendar-aligned ranges are answered.
    const shownProject = project; // already whole months
    let refused = 0;
    for (let to = '2023-01-01'; to <= '2024-12-31'; to = addDays(to, 1)) {
      const response = await forbund.get(url(`from=2023-01-01&to=${to}`));
      const aligned = calendarPeriodOf({ from: '2023-01-01', to }, shownProject) !== null;
      expect(response.status, to).toBe(aligned ? 200 : 400);
      if (aligned) answers.push(response.body);
      else refused++;
    }
    expect(refused).toBeGreaterThan(700);

    for (const report of answers) {
      expect(report.rules.suppression_threshold).toBe(K);
      expect(smallVisible(report)).toEqual([]);
      // Every count shown is the true one.
      const truth = truthOf(report);
      for (const line of ['enrolled', 'active', 'exited'] as const) {
        for (const key of ['woman', 'man', 'other', 'total', 'under_30'] as const) {
          if (report.flow[line][key] !== null) expect(report.flow[line][key]).toBe(truth.flow[line][key]);
        }
      }
    }
    const hidden = answers.reduce((n, report) => n + JSON.stringify(report).split('null').length - 1, 0);
    expect(hidden).toBeGreaterThan(100); // not vacuous: there is plenty to attack
    expect(recoverable(answers, answers.map(truthOf), K)).toEqual([]);
  });

  it('refuses any other range from a recipient of suppressed figures, in plain Swedish', async () => {
    const response = await forbund.get(url('from=2024-03-01&to=2024-03-17'));
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/kalendermånad, ett tertial \(T1 januari–april, T2 maj–augusti, T3 september–december\), ett kalenderår eller insatsens projektperiod \(2023-02-01 – 2024-10-31\)/);
    const csv = await forbund.get(url('from=2024-03-02&to=2024-03-31').replace('/outcomes?', '/outcomes.csv?'));
    expect(csv.status).toBe(400);
    const afWorker = await login(app, world.users.afWorker.email);
    expect((await afWorker.get(url('from=2024-01-01&to=2024-01-02'))).status).toBe(400);
    expect((await afWorker.get(url('period=2024-01'))).status).toBe(200);
    expect((await forbund.get(url('period=2024-T4'))).status).toBe(400);
    expect((await forbund.get(url('period=2024&from=2024-01-01&to=2024-12-31'))).status).toBe(400);
    // The förbund-wide report has no project period.
    const association = await forbund.get('/api/v1/reports/outcomes?association=FORBUND&period=project');
    expect(association.status).toBe(400);
    expect((await forbund.get('/api/v1/reports/outcomes?association=FORBUND&period=2024-T2')).status).toBe(200);
  });

  it('gives the same answer for a period asked by name or by its dates', async () => {
    const [byName, byDates] = [await forbund.get(url('period=2024-T2')), await forbund.get(url('from=2024-05-01&to=2024-08-31'))];
    expect(byName.body).toEqual(byDates.body);
    expect(byName.body.period).toEqual(rangeOf({ kind: 'tertial', year: 2024, tertial: 2 }, null));
  });

  it('still gives the controlling organisation exact figures for any range', async () => {
    for (const [from, to] of [['2023-01-01', '2023-03-17'], ['2024-02-29', '2024-02-29'], ['2023-06-15', '2024-06-14']]) {
      const response = await lead.get(url(`from=${from}&to=${to}`));
      expect(response.status).toBe(200);
      expect(response.body.rules.suppression_threshold).toBeNull();
      expect(response.body).toEqual(
        computeOutcomes({ scope: { intervention: 'KOMMUNINSATS' }, period: { from, to }, enrolments: facts.enrolments, anonymous: facts.anonymous }),
      );
    }
    // By name too, the project period exactly as registered.
    const projectReport = await lead.get(url('period=project'));
    expect(projectReport.body.period).toEqual(project);
    expect(projectReport.body.rules.suppression_threshold).toBeNull();
  });
});
