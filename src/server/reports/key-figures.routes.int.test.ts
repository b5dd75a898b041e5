import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
import { expectAnsweredAsMissing } from '../../test/security.js';
import { download as downloadAs } from '../../test/download.js';

// GET /api/v1/reports/figures: who gets which key figures, exact or suppressed, and out of scope
// exactly as not found.

const t = worldFixture();
const lead = t.as('lead');
const kommun = t.as('kommunWorker');
const af = t.as('afWorker');
const fk = t.as('fkWorker');
const forbund = t.as('associationAdmin');
const board = t.as('reportReader');

const url = (scope: string, period = 'period=2023') => `/api/v1/reports/figures?${scope}&${period}`;

beforeAll(() => seedNineExits(t.db, t.world, 'NYCKEL'));

describe('GET /api/v1/reports/figures', () => {
  it('gives the controlling organisation exact figures for the intervention, a team and the organisation', async () => {
    for (const [client, scope] of [
      [lead, 'intervention=KOMMUNINSATS'],
      [kommun, 'intervention=KOMMUNINSATS&team=Team%20A'],
      [lead, 'organisation=KOMMUN'],
    ] as const) {
      const response = await client.get(url(scope));
      expect(response.status, scope).toBe(200);
      expect(response.body.rules.suppression_threshold).toBeNull();
      expect(response.body.flow.unique_participants).toMatchObject({ woman: 8, man: 1, total: 9 });
      expect(response.body.completion).toEqual({ completed: 7, recorded: 9, share: 0.7778 });
    }
  });

  it('suppresses small cells for another party and for the förbund', async () => {
    for (const [client, scope] of [
      [af, 'intervention=KOMMUNINSATS'],
      [forbund, 'intervention=KOMMUNINSATS'],
      [forbund, 'association=FORBUND'],
      [lead, 'intervention=KOMMUNINSATS&suppress=true'],
    ] as const) {
      const response = await client.get(url(scope));
      expect(response.status, scope).toBe(200);
      expect(response.body.rules.suppression_threshold).toBe(5);
      expect(response.body.flow.unique_participants).toMatchObject({ man: null, suppressed: expect.arrayContaining(['man']) });
      expect(response.body.completion).toMatchObject({ completed: null, recorded: null, share: null });
    }
  });

  it('count employments started and persons employed, for a team too, with small cells hidden outside the controller', async () => {
    // Each of the nine starts an extratjänst in March; the one man's is an extension.
    const enrolments = await t.db.selectFrom('enrolments').select(['id as enrolment_id', 'person_id', 'controller_org_id', 'gender']).where('intervention_id', '=', t.world.interventions.kommunInsats).execute();
    for (const { gender, ...owner } of enrolments) {
      await t.db.insertInto('activities').values({ ...owner, activity_type: 'employment', employment_type: 'extra_job', extension: gender === 'man', status: 'completed', start_date: '2023-03-01', end_date: '2023-04-30' }).execute();
    }
    for (const scope of ['intervention=KOMMUNINSATS', 'intervention=KOMMUNINSATS&team=Team%20A']) {
      const exact = (await lead.get(url(scope))).body;
      expect(exact.employments, scope).toEqual([
        { type: 'extra_job', label: 'Extratjänst', started: { woman: 8, man: 1, other: 0, total: 9, new: 8, extension: 1 }, persons: { woman: 8, man: 1, other: 0, total: 9 } },
      ]);
      expect(exact.persons_employed, scope).toEqual({ woman: 8, man: 1, other: 0, total: 9 });
    }
    expect((await kommun.get(url('intervention=KOMMUNINSATS&team=Team%20B'))).body).toMatchObject({ employments: [], persons_employed: { total: 0 } });
    const suppressed = (await af.get(url('intervention=KOMMUNINSATS'))).body;
    expect(suppressed.employments[0].started).toMatchObject({ man: null, new: null, extension: null, suppressed: expect.arrayContaining(['man', 'new', 'extension']) });
    expect(suppressed.persons_employed).toMatchObject({ man: null, suppressed: expect.arrayContaining(['man']) });
  });

  it('answers not found outside the actor’s scope, exactly as for a missing code', async () => {
    await expectAnsweredAsMissing(await fk.get(url('intervention=FINNS-INTE')), [
      [fk, url('intervention=AF-INSATS')],
      [af, url('intervention=KOMMUNINSATS&team=Team%20A')],
      [kommun, url('organisation=KOMMUN')],
      [lead, url('organisation=AF')],
      [forbund, url('organisation=KOMMUN')],
      [forbund, url('association=ANNAT')],
      [kommun, url('intervention=KOMMUNINSATS&team=Team%20Z')],
    ]);
    expect((await board.get(url('association=FORBUND'))).status).toBe(403);
  });

  it('refuses unclear questions with a message in Swedish', async () => {
    const both = await lead.get(url('intervention=KOMMUNINSATS&organisation=KOMMUN'));
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body.errors)).toContain('Ange en insats, en organisation eller ett förbund');
    const range = await af.get(url('intervention=KOMMUNINSATS', 'from=2023-02-03&to=2023-03-04'));
    expect(range.status).toBe(400);
    expect(range.body.message).toMatch(/går inte att välja här/);
  });
});

describe('GET /api/v1/reports/figures as a file', () => {
  const download = (email: string, query: string) => downloadAs(t.app, email, url(query));
  const sheetRows = async (body: Buffer, caption: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((s) => s.getCell('A1').value === caption)!;
    return sheet.getSheetValues().slice(3).map((row) => (row as unknown[]).slice(1));
  };

  it('gives the lead the exact figures as numbers, and the förbund "Dolt" where JSON has null', async () => {
    const exact = await download(t.world.users.lead.email, 'intervention=KOMMUNINSATS&format=xlsx');
    expect(exact.statusCode).toBe(200);
    expect(exact.headers['content-type']).toContain('spreadsheetml');
    expect(exact.headers['content-disposition']).toBe('attachment; filename="nyckeltal-kommuninsats-2023.xlsx"');
    const unique = (rows: unknown[][]) => rows.find((r) => r[0] === 'Unika deltagare');
    expect(unique(await sheetRows(exact.rawPayload, 'Deltagarflöde per kön'))).toEqual(['Unika deltagare', 8, 1, 0, 9, expect.any(Number)]);
    expect((await sheetRows(exact.rawPayload, 'Fullföljt'))[0]).toEqual([7, 9, 0.7778]);

    const json = (await forbund.get(url('intervention=KOMMUNINSATS'))).body;
    const hidden = await download(t.world.users.associationAdmin.email, 'intervention=KOMMUNINSATS&format=xlsx');
    const row = unique(await sheetRows(hidden.rawPayload, 'Deltagarflöde per kön'))!;
    const line = json.flow.unique_participants;
    expect(row.slice(1, 5)).toEqual(['woman', 'man', 'other', 'total'].map((key) => (line.suppressed.includes(key) ? 'Dolt' : line[key])));
    expect(row[2]).toBe('Dolt');
  });

  it('renders PDF, DOCX and CSV of the same figures', async () => {
    for (const [format, type, magic] of [['pdf', 'application/pdf', '%PDF-'], ['docx', 'wordprocessingml', 'PK'], ['csv', 'text/csv; charset=utf-8', '\uFEFF']] as const) {
      const response = await download(t.world.users.lead.email, `intervention=KOMMUNINSATS&format=${format}`);
      expect(response.statusCode, format).toBe(200);
      expect(response.headers['content-type'], format).toContain(type);
      expect(response.rawPayload.toString('utf8').startsWith(magic), format).toBe(true);
    }
    const csv = (await download(t.world.users.lead.email, 'intervention=KOMMUNINSATS&format=csv')).body;
    expect(csv).toContain('\r\nUnika deltagare;8;1;0;9;');
    expect(csv).toContain('\r\nFullföljt\r\n');
  });

  it('answers a file outside the actor’s scope exactly as a missing code, and a bad format in Swedish', async () => {
    const missing = await download(t.world.users.fkWorker.email, 'intervention=FINNS-INTE&format=pdf');
    const hidden = await download(t.world.users.fkWorker.email, 'intervention=AF-INSATS&format=pdf');
    expect(missing.statusCode).toBe(404);
    expect([hidden.statusCode, hidden.body, hidden.headers['content-type']]).toEqual([404, missing.body, missing.headers['content-type']]);
    const bad = await lead.get(url('intervention=KOMMUNINSATS&format=odt'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('Välj format: json, csv, xlsx, docx eller pdf');
  });
});
