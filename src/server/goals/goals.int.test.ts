import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
import { answer, enrol, send } from '../../test/surveys.js';
import { swedishToday } from '../persons/today.js';

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
    expect(byKind.employment).toMatchObject({ status: 'not_met', value: 0, target: 10, inputs: [{ label: 'Extratjänst', value: 0 }] });
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

  it('judge employment goals on the case work’s employments and survey goals on the surveys’ stegförflyttning', async () => {
    // Each of the nine 2023 participants starts an extratjänst in February.
    const enrolments = await t.db.selectFrom('enrolments').select(['id as enrolment_id', 'person_id', 'controller_org_id']).where('intervention_id', '=', t.world.interventions.kommunInsats).execute();
    for (const owner of enrolments) {
      await t.db.insertInto('activities').values({ ...owner, activity_type: 'employment', employment_type: 'extra_job', extension: false, status: 'completed', start_date: '2023-02-01', end_date: '2023-04-30' }).execute();
    }
    // Four participants answer "how close to work or studies" at start and exit this year: two improve.
    const year = swedishToday().slice(0, 4);
    const { id: closeness } = await t.db.selectFrom('survey_questions').select('id').where('key', '=', 'closeness').orderBy('version', 'desc').executeTakeFirstOrThrow();
    for (const [start, exit] of [[2, 5], [4, 4], [3, 6], [6, 2]]) {
      const enrolmentId = await enrol(kommun, t.world.interventions.kommunInsats);
      expect((await answer(t.app, await send(kommun, enrolmentId, 'start'), [[`q${closeness}`, String(start)]])).statusCode).toBe(303);
      expect((await answer(t.app, await send(kommun, enrolmentId, 'exit'), [[`q${closeness}`, String(exit)]])).statusCode).toBe(303);
    }
    const added = [
      { period: '2023', kind: 'employment', title: 'Minst 5 anställda', target: 5, employmentMeasure: 'persons' },
      { period: year, kind: 'survey', title: 'Hälften närmare arbete', target: 0.5, surveyQuestion: 'closeness' },
    ];
    for (const goal of added) expect((await lead.post(goalsUrl(), goal)).status).toBe(201);

    const byTitle = Object.fromEntries((await lead.get(goalsUrl())).body.goals.map((g: { title: string; fulfilment: unknown }) => [g.title, g.fulfilment]));
    expect(byTitle['10 extratjänster']).toMatchObject({ status: 'not_met', value: 9, inputs: [{ label: 'Extratjänst', value: 9 }] });
    expect(byTitle['Minst 5 anställda']).toMatchObject({ status: 'met', value: 9, rule: expect.stringContaining('Personer anställda (alla anställningsformer)') });
    expect(byTitle['Hälften närmare arbete']).toMatchObject({ status: 'met', value: 0.5, inputs: [{ label: 'Förbättrade', value: 2 }, { label: 'Svarade före och efter', value: 4 }] });
    const audited = await t.db.selectFrom('audit_events').select('id').where('entity', '=', 'survey_results').where('actor_user_id', '=', t.world.users.lead.id).execute();
    expect(audited.length).toBeGreaterThan(0);

    // Outside the controller no count is shown: only whether the goal was met, and only on a base of at least five.
    const afView = Object.fromEntries((await af.get(goalsUrl())).body.goals.map((g: { title: string; fulfilment: unknown }) => [g.title, g.fulfilment]));
    expect(afView['Minst 5 anställda']).toMatchObject({ status: 'met', value: null, rule: expect.stringContaining('visas bara om målet nåddes') });
    expect(afView['10 extratjänster']).toMatchObject({ status: 'not_met', value: null, inputs: [{ label: 'Extratjänst', value: null }] });
    expect(afView['Hälften närmare arbete']).toMatchObject({ status: 'no_data', value: null, rule: expect.stringContaining('för litet underlag') });
    for (const title of ['Minst 5 anställda', '10 extratjänster', 'Hälften närmare arbete']) expect(JSON.stringify(afView[title]), title).not.toMatch(/"value":\d/);
  });

  it('are changed only by the lead or the förbund, and out of reach as not found', async () => {
    const all = (await lead.get(goalsUrl())).body.goals;
    const [first] = all;
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
    expect((await lead.get(goalsUrl())).body.goals).toHaveLength(all.length - 1);
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
