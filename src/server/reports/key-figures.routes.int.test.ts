import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
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

  it('answers not found outside the actor’s scope, exactly as for a missing code', async () => {
    const missing = await fk.get(url('intervention=FINNS-INTE'));
    expect(missing.status).toBe(404);
    for (const [client, scope] of [
      [fk, 'intervention=AF-INSATS'],
      [af, 'intervention=KOMMUNINSATS&team=Team%20A'],
      [kommun, 'organisation=KOMMUN'],
      [lead, 'organisation=AF'],
      [forbund, 'organisation=KOMMUN'],
      [forbund, 'association=ANNAT'],
      [kommun, 'intervention=KOMMUNINSATS&team=Team%20Z'],
    ] as const) {
      const response = await client.get(url(scope));
      expect(response.status, scope).toBe(404);
      expect(response.body, scope).toEqual(missing.body);
    }
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
