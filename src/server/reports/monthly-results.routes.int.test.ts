import { beforeAll, describe, expect, it } from 'vitest';
import { roundedShare } from '../../core/figures/key-figures.js';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
import { expectAnsweredAsMissing } from '../../test/security.js';
import { swedishToday } from '../persons/today.js';

// GET /api/v1/reports/monthly: the monthly result series as each reader may see it — exact for
// the controlling organisation, the months' suppressed counts for another party and the förbund —
// and any scope out of reach, the comparison's too, exactly as not found.

const t = worldFixture();
const lead = t.as('lead');
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');
const forbund = t.as('associationAdmin');
const board = t.as('reportReader');

const url = (query: string) => `/api/v1/reports/monthly?from=2023-01&to=2023-06&${query}`;

beforeAll(() => seedNineExits(t.db, t.world, 'MANAD'));

describe('GET /api/v1/reports/monthly', () => {
  it('gives the controller the exits to work or studies ÷ active month by month, next to a team and last year', async () => {
    const response = await lead.get(url('intervention=KOMMUNINSATS&compareTeam=Team%20B'));
    expect(response.status).toBe(200);
    const [main, team] = response.body.series;
    expect(main.suppressed).toBe(false);
    expect(main.months.map((m: { active: number }) => m.active)).toEqual([9, 9, 9, 9, 9, 0]);
    expect(main.months[4]).toEqual({ month: '2023-05', active: 9, outcomes: 9, result: 1 });
    expect(main.months[5].result).toBeNull();
    expect(team).toMatchObject({ kind: 'team', scope: { intervention: 'KOMMUNINSATS', team: 'Team B' } });
    expect(team.months.every((m: { active: number }) => m.active === 0)).toBe(true);
    const lastYear = await kommun.get(url('intervention=KOMMUNINSATS&compareLastYear=true'));
    expect(lastYear.body.series[1]).toMatchObject({ kind: 'last_year', months: expect.arrayContaining([{ month: '2022-05', active: 0, outcomes: 0, result: null }]) });
  });

  it('forecasts the monthly result the work-or-studies goal needs from this month to the year’s end', async () => {
    const today = swedishToday();
    const [year, month] = [today.slice(0, 4), Number(today.slice(5, 7))];
    await t.db
      .insertInto('intervention_goals')
      .values({ intervention_id: t.world.interventions.kommunInsats, period: year, kind: 'work_or_studies', title: '40 % till arbete eller studier', target: 0.4 })
      .execute();
    const response = await lead.get(`/api/v1/reports/monthly?intervention=KOMMUNINSATS&from=${year}-01&to=${today.slice(0, 7)}`);
    const monthsLeft = 13 - month;
    // Target group: the world's standing volume target of 100; nobody has left for work this year.
    expect(response.body.forecast).toMatchObject({
      goal: { period: year, target: 0.4 }, target_group: 100, goal_count: 40, achieved: 0, months_left: monthsLeft, needed: roundedShare(40, 100 * monthsLeft),
    });
  });

  it('gives another party and the förbund each month as its suppressed outcomes report has it', async () => {
    for (const client of [af, forbund]) {
      const response = await client.get(url('intervention=KOMMUNINSATS'));
      expect(response.status).toBe(200);
      expect(response.body.rules.suppression_threshold).toBe(5);
      const [series] = response.body.series;
      expect(series.suppressed).toBe(true);
      for (const m of series.months) {
        const outcomes = await client.get(`/api/v1/reports/outcomes?intervention=KOMMUNINSATS&period=${m.month}`);
        expect(m.active).toBe(outcomes.body.flow.active.total);
        expect(m.outcomes).toBe(outcomes.body.work_or_studies.total.count);
      }
    }
  });

  it('answers not found for a scope out of reach, the comparison’s included, exactly as for a missing code', async () => {
    await expectAnsweredAsMissing(await fk.get(url('intervention=FINNS-INTE')), [
      [fk, url('intervention=AF-INSATS')],
      [lead, url('intervention=KOMMUNINSATS&compareIntervention=ANNAT-INSATS')],
      [af, url('intervention=KOMMUNINSATS&compareTeam=Team%20A')],
      [forbund, url('intervention=KOMMUNINSATS&compareTeam=Team%20A')],
      [kommun, url('intervention=KOMMUNINSATS&compareTeam=Team%20Z')],
    ]);
    expect((await board.get(url('intervention=KOMMUNINSATS'))).status).toBe(403);
  });

  it('refuses unclear questions with a message in Swedish', async () => {
    const two = await lead.get(url('intervention=KOMMUNINSATS&compareTeam=Team%20A&compareLastYear=true'));
    expect(two.status).toBe(400);
    expect(JSON.stringify(two.body.errors)).toContain('Välj en sak att jämföra med');
    const badMonth = await lead.get('/api/v1/reports/monthly?intervention=KOMMUNINSATS&from=2023-13&to=2023-06');
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(badMonth.body.errors)).toContain('Skriv månaden som ÅÅÅÅ-MM');
  });
});
