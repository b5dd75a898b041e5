import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Period } from '../../core/dates.js';
import { drillDownCells, drillDownFigures, isCountedIn, type DrillDown } from '../../core/figures/drill-down.js';
import { computeKeyFigures, exitGroups } from '../../core/figures/key-figures.js';
import type { KeyFiguresReport } from '../../core/schemas/key-figures-report.js';
import { worldFixture } from '../../test/fixture.js';
import { factsArb, periodArb, storeKeyFacts } from '../../test/key-facts.js';

// Drill-down (issue 12, item 3): the list behind a number of the key figures is exactly what the
// figure counted, for the controlling organisation's case workers of the intervention only;
// anyone else learns nothing, and every attempt is audited.

const t = worldFixture();
const kommun = t.as('kommunWorker');

/** Every number of the report that has a drill-down: each line and exit group, each column. */
const everyNumber = drillDownFigures.flatMap((figure) =>
  (figure === 'exit_group' ? exitGroups : (['work'] as const)).flatMap((group) => drillDownCells.map((cell) => ({ figure, group, cell }))),
);

const urlOf = (p: Period, d: Omit<DrillDown, 'subsidisedCountsAsWork'>, intervention = 'KOMMUNINSATS') =>
  `/api/v1/reports/figures/records?intervention=${intervention}&from=${p.from}&to=${p.to}&figure=${d.figure}&cell=${d.cell}${d.figure === 'exit_group' ? `&group=${d.group}` : ''}`;

/** The number the key-figures report shows for the drill-down's cell. */
function numberOf(report: KeyFiguresReport, d: Omit<DrillDown, 'subsidisedCountsAsWork'>): number {
  if (d.figure === 'exit_group') return report.exit_groups.find((g) => g.group === d.group)?.[d.cell] ?? 0;
  if (d.figure === 'work_or_studies') return d.cell === 'under_30' ? 0 : report.work_or_studies[d.cell].count!;
  return report.flow[d.figure][d.cell]!;
}

describe('GET /api/v1/reports/figures/records', () => {
  it('lists exactly the enrolments the figure counts: as many as the number', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(factsArb, periodArb, async (generated, period) => {
        const facts = await storeKeyFacts(t.db, t.world, generated, []);
        const report = computeKeyFigures({ scope: { intervention: 'KOMMUNINSATS' }, period, enrolments: facts, anonymous: [], volumeTarget: null, places: null });
        for (const d of everyNumber) {
          const answer = await kommun.get(urlOf(period, d));
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          expect(answer.body.items.length).toBe(numberOf(report, d));
          expect(answer.body.count).toBe(answer.body.items.length);
          const counted = facts.filter((f) => isCountedIn(f, period, { ...d, subsidisedCountsAsWork: true }));
          expect(answer.body.items.map((i: { id: string }) => i.id).sort()).toEqual(counted.map((f) => f.id).sort());
        }
      }),
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? 20_261_128) },
    );
  });

  it('writes an audit row for every enrolment shown and one with the hits', async () => {
    const [stored] = await storeKeyFacts(t.db, t.world, [
      { person: '1', id: '', team: null, gender: 'woman', birthDate: null, birthYear: 1990, startDate: '2023-02-01', exitDate: '2023-03-01', exitReason: 'work', exitCompleted: true },
    ], []);
    const answer = await kommun.get(urlOf({ from: '2023-01-01', to: '2023-12-31' }, { figure: 'exit_group', group: 'work', cell: 'woman' }));
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((i: { id: string }) => i.id)).toEqual([stored.id]);
    const events = await t.db.selectFrom('audit_events').select(['action', 'entity', 'enrolment_id', 'outcome', 'details']).where('actor_user_id', '=', t.world.users.kommunWorker.id).orderBy('id', 'desc').limit(2).execute();
    expect(events.map((e) => [e.action, e.entity, e.enrolment_id, e.outcome])).toEqual([
      ['list', 'enrolment', stored.id, 'allowed'],
      ['list', 'enrolment', null, 'allowed'],
    ]);
    expect(events[1].details).toMatchObject({ drillDown: 'exit_group', group: 'work', cell: 'woman', hits: 1 });
  });

  it('counts a person with protected identity in the number but shows them to no one', async () => {
    const facts = await storeKeyFacts(t.db, t.world, [
      { person: '1', id: '', team: null, gender: 'man', birthDate: null, birthYear: 1990, startDate: '2023-02-01', exitDate: null, exitReason: null, exitCompleted: null },
      { person: '2', id: '', team: null, gender: 'man', birthDate: null, birthYear: 1990, startDate: '2023-02-01', exitDate: null, exitReason: null, exitCompleted: null },
    ], []);
    const protectedPerson = await t.db.selectFrom('enrolments').select('person_id').where('id', '=', facts[1].id).executeTakeFirstOrThrow();
    await t.db.updateTable('persons').set({ protected_identity: true, participant_ref: null }).where('id', '=', protectedPerson.person_id).execute();
    const answer = await kommun.get(urlOf({ from: '2023-01-01', to: '2023-12-31' }, { figure: 'active', cell: 'man', group: 'work' }));
    expect(answer.body).toMatchObject({ count: 2, protectedIdentity: 1 });
    expect(answer.body.items.map((i: { id: string }) => i.id)).toEqual([facts[0].id]);
  });

  it('a user who cannot see the records cannot learn they exist, and the attempt is audited', async () => {
    await storeKeyFacts(t.db, t.world, [
      { person: '1', id: '', team: 'Team B', gender: 'woman', birthDate: null, birthYear: 1990, startDate: '2023-02-01', exitDate: null, exitReason: null, exitCompleted: null },
    ], []);
    const year = { from: '2023-01-01', to: '2023-12-31' };
    const active = { figure: 'active', cell: 'total', group: 'work' } as const;
    const missing = await kommun.get(urlOf(year, active, 'FINNS-INTE'));
    expect(missing.status).toBe(404);
    // Another party's case worker in the intervention (exact figures are not theirs), a team's
    // case worker (sees part of it), the owner's case worker on another owner's intervention.
    for (const [user, intervention] of [['afWorker', 'KOMMUNINSATS'], ['fkWorker', 'KOMMUNINSATS'], ['teamBWorker', 'KOMMUNINSATS'], ['kommunWorker', 'AF-INSATS'], ['kommunWorker', 'ANNAT-INSATS']] as const) {
      const answer = await t.as(user).get(urlOf(year, active, intervention));
      expect(answer.status, `${user} ${intervention}`).toBe(404);
      expect(answer.body).toEqual(missing.body);
      const [event] = await t.db.selectFrom('audit_events').select(['action', 'entity', 'outcome', 'enrolment_id']).where('actor_user_id', '=', t.world.users[user].id).orderBy('id', 'desc').limit(1).execute();
      expect(event, user).toEqual({ action: 'list', entity: 'enrolment', outcome: 'denied', enrolment_id: null });
    }
    // The lead and the förbund hold no person-data permission: refused before anything is looked up, and audited.
    for (const user of ['lead', 'associationAdmin', 'reportReader'] as const) {
      expect((await t.as(user).get(urlOf(year, active))).status).toBe(403);
      const [event] = await t.db.selectFrom('audit_events').select(['outcome']).where('actor_user_id', '=', t.world.users[user].id).orderBy('id', 'desc').limit(1).execute();
      expect(event?.outcome, user).toBe('denied');
    }
    // The link is offered to exactly those who get the list.
    const can = async (user: 'kommunWorker' | 'afWorker' | 'teamBWorker' | 'lead') => (await t.as(user).get(`/api/v1/interventions/${t.world.interventions.kommunInsats}`)).body.can.drillDown;
    expect([await can('kommunWorker'), await can('afWorker'), await can('teamBWorker'), await can('lead')]).toEqual([true, false, false, false]);
  });

  it('refuses an unclear question in Swedish', async () => {
    const answer = await kommun.get('/api/v1/reports/figures/records?intervention=KOMMUNINSATS&period=2023&figure=exit_group');
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('Ange en grupp för avslut per grupp');
  });
});
