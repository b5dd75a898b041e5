import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';

// Goals per intervention and period with automatic fulfilment (issue 12, item 1): who reads and
// who edits them, the fulfilment of each kind with its rule and inputs, audited changes.

const t = worldFixture();
const lead = t.as('lead');
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');
const forbund = t.as('associationAdmin');

const goalsUrl = () => `/api/v1/interventions/${t.world.interventions.kommunInsats}/goals`;

beforeAll(() => seedNineExits(t.db, t.world, 'MAL'));


const goals = [
  { period: '2023', kind: 'volume', title: 'Minst 5 deltagare', target: 5 },
  { period: '2023', kind: 'work_or_studies', title: '40 % till arbete eller studier', target: 0.4 },
  { period: '2023', kind: 'further_step', title: '90 % går vidare', target: 0.9, exitGroups: ['work', 'further_measures'] },
  { period: '2023', kind: 'completion', title: '90 % fullföljer', target: 0.9 },
  { period: '2023', kind: 'employment', title: '10 extratjänster', target: 10, employmentTypes: ['extra_job'], employmentMeasure: 'started' },
  { period: '2023', kind: 'survey', title: 'Hälften mår bättre', target: 0.5, surveyQuestion: 'mående' },
  { period: '2023', kind: 'manual', title: 'Skriftligt underlag', statedValue: '98,5 %', statedMet: true },
];

describe('goals of an intervention', () => {
  it('are added by the lead (audited) and judged against the period’s figures with rule and inputs', async () => {
    for (const goal of goals) {
      const created = await lead.post(goalsUrl(), goal);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const audited = await t.db.selectFrom('audit_events').select(['action', 'details']).where('entity', '=', 'goal').execute();
    expect(audited).toHaveLength(goals.length);

    const list = await lead.get(goalsUrl());
    expect(list.status).toBe(200);
    expect(list.body.can).toEqual({ edit: true });
    const byKind = Object.fromEntries(list.body.goals.map((g: { kind: string; fulfilment: unknown }) => [g.kind, g.fulfilment]));
    expect(byKind.volume).toMatchObject({ status: 'met', value: 9, target: 5, inputs: [{ label: 'Unika deltagare', value: 9 }, { label: 'Anonymt registrerade', value: 0 }] });
    expect(byKind.work_or_studies).toMatchObject({ status: 'met', value: 1, target: 0.4 });
    expect(byKind.further_step).toMatchObject({ status: 'met', value: 1, rule: expect.stringContaining('arbete, vidare insatser') });
    expect(byKind.completion).toMatchObject({ status: 'not_met', value: 0.7778, inputs: [{ value: 7 }, { value: 9 }] });
    expect(byKind.employment).toMatchObject({ status: 'no_data', value: null, target: 10 });
    expect(byKind.survey).toMatchObject({ status: 'no_data', value: null });
    expect(byKind.manual).toEqual({ status: 'met', value: '98,5 %', target: null, rule: 'Utfallet anges av insatsens ansvariga', inputs: [] });
    expect(list.body.goals[0]).toMatchObject({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('are judged on suppressed figures for another party', async () => {
    const list = await af.get(goalsUrl());
    expect(list.status).toBe(200);
    expect(list.body.can).toEqual({ edit: false });
    const completion = list.body.goals.find((g: { kind: string }) => g.kind === 'completion');
    expect(completion.fulfilment).toMatchObject({ status: 'no_data', value: null });
  });

  it('are changed only by the lead or the förbund, and out of reach as not found', async () => {
    const [first] = (await lead.get(goalsUrl())).body.goals;
    const url = `${goalsUrl()}/${first.id}`;
    const refused = await kommun.patch(url, { ...goals[0], target: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Bara insatsens ansvariga och förbundets administratör kan ändra mål och budget.');
    expect((await forbund.patch(url, { ...goals[0], target: 20 })).status).toBe(200);
    expect((await lead.get(goalsUrl())).body.goals[0].fulfilment).toMatchObject({ status: 'not_met', target: 20 });

    const hidden = await fk.get(`/api/v1/interventions/${t.world.interventions.afInsats}/goals`);
    const missing = await fk.get(`/api/v1/interventions/${randomUUID()}/goals`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await lead.patch(`${goalsUrl()}/${randomUUID()}`, goals[0])).status).toBe(404);
    expect((await lead.request('DELETE', url)).status).toBe(200);
    expect((await lead.get(goalsUrl())).body.goals).toHaveLength(goals.length - 1);
  });

  it('refuses a goal that does not make sense, in Swedish, and stores nothing', async () => {
    const before = (await lead.get(goalsUrl())).body.goals.length;
    const share = await lead.post(goalsUrl(), { period: '2023', kind: 'completion', title: 'Fel', target: 90 });
    expect(share.status).toBe(400);
    expect(JSON.stringify(share.body.errors)).toContain('Ange andelen som ett tal mellan 0 och 1');
    const month = await lead.post(goalsUrl(), { period: '2023-05', kind: 'volume', title: 'Fel', target: 3 });
    expect(month.status).toBe(400);
    expect(JSON.stringify(month.body.errors)).toContain('Välj ett år, ett tertial eller projektperioden');
    expect((await lead.get(goalsUrl())).body.goals).toHaveLength(before);
  });
});
