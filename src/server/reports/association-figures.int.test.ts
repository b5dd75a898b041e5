import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
import { associationFigures } from './association-figures.service.js';
import { computeKeyFiguresReport } from './key-figures.service.js';

// The förbund's figures are counted for all its interventions together (a constant number of
// statements); each row must be exactly the intervention's own suppressed key-figures report,
// which stays the oracle.

const t = worldFixture({ app: false });

beforeAll(async () => {
  await seedNineExits(t.db, t.world, 'ORAKEL');
  // AF-INSATS: twelve participants over two years, some open, some exited to studies or moved.
  for (let i = 0; i < 12; i++) {
    const gender = i % 3 === 0 ? 'man' : 'woman';
    const person = await t.db.insertInto('persons').values({ controller_org_id: t.world.orgs.af, participant_ref: `ORAKEL-AF-${i}`, gender }).returning('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('enrolments')
      .values({
        person_id: person.id, intervention_id: t.world.interventions.afInsats, controller_org_id: t.world.orgs.af, gender, age_at_start: 20 + 3 * i,
        start_date: `2022-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        exit_date: i % 4 === 0 ? null : `2023-0${1 + (i % 9)}-20`,
        exit_reason: i % 4 === 0 ? null : i % 2 === 0 ? 'studies' : 'moved',
      })
      .execute();
  }
  await t.db.insertInto('anonymous_registrations').values({ intervention_id: t.world.interventions.afInsats, controller_org_id: t.world.orgs.af, year: 2023, gender: 'woman', count: 3 }).execute();
});

const forbund = () => ({ id: t.world.orgs.forbund, code: 'FORBUND', name: 'Förbundet' });

describe('the förbund’s figures, counted together', () => {
  for (const period of ['2023', '2023-T2', '2023-05', '2022-T3']) {
    it(`equal each intervention’s own suppressed key figures for ${period}, before and after the decisions are kept`, async () => {
      await t.db.deleteFrom('suppression_decisions').execute();
      for (const round of ['decided now', 'kept']) {
        const { rows } = await associationFigures(t.db, forbund(), period, 5);
        expect(rows.map((r) => r.intervention.code), round).toEqual(['AF-INSATS', 'KOMMUNINSATS']);
        for (const row of rows) {
          const oracle = await computeKeyFiguresReport(t.db, { scope: { intervention: row.intervention.code }, period, suppress: true, threshold: 5 });
          expect(row.figures, `${row.intervention.code} ${period} (${round})`).toEqual(oracle);
        }
      }
    });
  }

  it('hides cells where the suppression asks for it (the one man of nine exits in May 2023)', async () => {
    const { rows } = await associationFigures(t.db, forbund(), '2023-05', 5);
    const kommun = rows.find((r) => r.intervention.code === 'KOMMUNINSATS')!.figures;
    expect(kommun.flow.exited.man).toBeNull();
    expect(kommun.flow.exited.woman).toBeNull();
    expect(kommun.flow.exited.total).toBe(9);
    expect(kommun.flow.exited.suppressed).toEqual(expect.arrayContaining(['man', 'woman']));
  });
});
