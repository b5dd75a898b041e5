import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';

// Budget and actuals (issue 12, item 2): the year's grant and budget per cost category, costs per
// month typed in or imported from the finance system, budget against actual and the cost figures.

const t = worldFixture();
const lead = t.as('lead');
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');
const forbund = t.as('associationAdmin');

const base = () => `/api/v1/interventions/${t.world.interventions.kommunInsats}`;

beforeAll(() => seedNineExits(t.db, t.world, 'BUDGET'));

describe('budget and actual costs', () => {
  it('sets the budget, takes costs typed and imported, and compares them with the cost figures', async () => {
    expect((await lead.request('PUT', `${base()}/budget/2023`, { grant: 500000, lines: { salaries: 300000, premises: 100000 } })).status).toBe(200);
    expect((await lead.request('PUT', `${base()}/costs/2023-02`, { costs: { salaries: 25000, premises: 8000 } })).status).toBe(200);
    const csv = 'intervention;month;cost_category;amount\nKOMMUNINSATS;2023-02;Lönekostnader;26 000,50\nKOMMUNINSATS;2023-03;travel;1200\n';
    const imported = await lead.post(`${base()}/costs/import`, { csv });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toEqual({ dryRun: false, rows: 2, months: ['2023-02', '2023-03'], byCategory: { salaries: 26000.5, travel: 1200 }, total: 27200.5 });

    const view = await lead.get(`${base()}/budget?year=2023`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      year: 2023,
      grant: 500000,
      rows: [
        { category: 'salaries', budget: 300000, actual: 26000.5, difference: 273999.5, used: 0.0867 },
        { category: 'premises', budget: 100000, actual: 8000, difference: 92000, used: 0.08 },
        { category: 'travel', budget: 0, actual: 1200, difference: -1200, used: null },
      ],
      total: { budget: 400000, actual: 35200.5 },
      months: [{ month: '2023-02', total: 34000.5 }, { month: '2023-03', total: 1200 }],
      participants: 9,
      exitsToWorkOrStudies: 9,
      costPerParticipant: 3911.17,
      costPerOutcome: 3911.17,
      can: { edit: true },
    });
    const audited = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'budget').execute();
    expect(audited).toHaveLength(3);
  });

  it('gives another party the cost figures over suppressed counts, and lets only the lead change them', async () => {
    const view = await af.get(`${base()}/budget?year=2023`);
    expect(view.status).toBe(200);
    expect(view.body.can).toEqual({ edit: false });
    const refused = await kommun.request('PUT', `${base()}/budget/2023`, { grant: 1, lines: {} });
    expect(refused.status).toBe(403);
    expect((await lead.get(`${base()}/budget?year=2023`)).body.grant).toBe(500000);
    const hidden = await fk.get(`/api/v1/interventions/${t.world.interventions.afInsats}/budget?year=2023`);
    const missing = await fk.get(`/api/v1/interventions/${randomUUID()}/budget?year=2023`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('refuses a bad cost file as a whole with every error by row and column, changing nothing', async () => {
    const csv = 'intervention,month,cost_category,amount\nKOMMUNINSATS,2023-13,travel,10\nKOMMUNINSATS,2023-04,resor,10\nAF-INSATS,2023-04,travel,1\nKOMMUNINSATS,2023-05,travel,12.345\n';
    const refused = await lead.post(`${base()}/costs/import`, { csv });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['rad 2, month', 'rad 3, cost_category', 'rad 4, intervention', 'rad 5, amount']);
    expect(refused.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[2, 'month'], [3, 'cost_category'], [4, 'intervention'], [5, 'amount']]);
    expect(refused.body.errors[0].message).toBe('Månaden ska skrivas ÅÅÅÅ-MM, till exempel 2025-03');
    expect(refused.body.errors[0].reason).toBe(refused.body.errors[0].message);
    const months = (await lead.get(`${base()}/budget?year=2023`)).body.months.map((m: { month: string }) => m.month);
    expect(months).toEqual(['2023-02', '2023-03']);
    const negative = await lead.request('PUT', `${base()}/budget/2023`, { grant: -5, lines: { unknown_category: 5 } });
    expect(negative.status).toBe(400);
  });

  it('checks a cost file in a dry run, answering what it would import and saving nothing', async () => {
    const before = await lead.get(`${base()}/budget?year=2024`);
    const csv = 'intervention;month;cost_category;amount\nKOMMUNINSATS;2024-05;salaries;1 000,25\nKOMMUNINSATS;2024-06;Lönekostnader;999,75\nKOMMUNINSATS;2024-06;travel;-50\n';
    const dry = await lead.post(`${base()}/costs/import?dryRun=true`, { csv });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, rows: 3, months: ['2024-05', '2024-06'], byCategory: { salaries: 2000, travel: -50 }, total: 1950 });
    expect((await lead.get(`${base()}/budget?year=2024`)).body).toEqual(before.body);
    const hidden = await fk.post(`/api/v1/interventions/${t.world.interventions.afInsats}/costs/import?dryRun=true`, { csv });
    expect(hidden.status).toBe(404);
    expect((await af.post(`${base()}/costs/import?dryRun=true`, { csv })).status).toBe(403);
  });

  it("changes, removes one category of, and removes a whole month typed in, by the lead and the förbund's administrator only", async () => {
    const month = async () => (await lead.get(`${base()}/budget?year=2025`)).body.months;
    expect((await lead.request('PUT', `${base()}/costs/2025-03`, { costs: { salaries: 10000, travel: -200.5, premises: 3000 } })).status).toBe(200);
    expect(await month()).toEqual([{ month: '2025-03', costs: { salaries: 10000, travel: -200.5, premises: 3000 }, total: 12799.5 }]);
    expect((await lead.request('PUT', `${base()}/costs/2025-03`, { costs: { salaries: 12000, travel: null } })).status).toBe(200);
    expect(await month()).toEqual([{ month: '2025-03', costs: { salaries: 12000, premises: 3000 }, total: 15000 }]);

    const refused = await af.request('DELETE', `${base()}/costs/2025-03`);
    expect(refused.status).toBe(403);
    const hidden = await fk.request('DELETE', `/api/v1/interventions/${t.world.interventions.afInsats}/costs/2025-03`);
    const missing = await fk.request('DELETE', `/api/v1/interventions/${randomUUID()}/costs/2025-03`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await lead.request('DELETE', `${base()}/costs/2025-13`)).status).toBe(400);
    expect(await month()).toHaveLength(1);

    expect((await lead.request('DELETE', `${base()}/costs/2025-03`)).status).toBe(200);
    expect(await month()).toEqual([]);
    const removal = await t.db.selectFrom('audit_events').select('details').where('entity', '=', 'budget').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(removal.details).toMatchObject({ month: '2025-03', removed: true });

    // The förbund's administrator keeps the finances too: administrative costs and a month's costs.
    expect((await forbund.request('PUT', `${base()}/budget/2025`, { grant: 100000, lines: {}, administrativeCost: 12000.5 })).status).toBe(200);
    expect((await forbund.request('PUT', `${base()}/costs/2025-04`, { costs: { other: 500 } })).status).toBe(200);
    const view = (await forbund.get(`${base()}/budget?year=2025`)).body;
    expect([view.administrativeCost, view.months]).toEqual([12000.5, [{ month: '2025-04', costs: { other: 500 }, total: 500 }]]);
    expect((await forbund.request('DELETE', `${base()}/costs/2025-04`)).status).toBe(200);
  });
});
