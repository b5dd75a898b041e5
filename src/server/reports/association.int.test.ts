import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';
import { tryLogin } from '../../test/security.js';
import { testPassword } from '../../test/world.js';

// The förbund's dashboard and its national follow-up (issue 12, items 8–9): suppressed figures of
// its own interventions only; another förbund answers exactly as one that does not exist.

const t = worldFixture();
const forbund = t.as('associationAdmin');
const board = t.as('reportReader');
const lead = t.as('lead');
const kommun = t.as('kommunWorker');

beforeAll(async () => {
  await seedNineExits(t.db, t.world, 'NATIONELL');
  const kommunInsats = t.world.interventions.kommunInsats;
  expect((await lead.request('PUT', `/api/v1/interventions/${kommunInsats}/budget/2023`, { grant: 500000, lines: { salaries: 300000, premises: 100000 }, administrativeCost: 42000.5 })).status).toBe(200);
  expect((await lead.request('PUT', `/api/v1/interventions/${kommunInsats}/costs/2023-02`, { costs: { salaries: 90000, premises: 9000.25 } })).status).toBe(200);
  expect((await lead.request('PUT', `/api/v1/interventions/${kommunInsats}/costs/2023-06`, { costs: { salaries: 1000 } })).status).toBe(200);
  expect((await lead.request('PATCH', `/api/v1/interventions/${kommunInsats}`, { followUpMethod: 'sus' })).status).toBe(200);
  for (const [period, kind, target] of [['2023', 'work_or_studies', 0.5], ['2023', 'completion', 0.95], ['2023-T1', 'volume', 1]] as const) {
    const goal = { period, kind, title: `Mål ${kind}`, target, exitGroups: [], employmentTypes: [], employmentMeasure: null, surveyQuestion: null, statedValue: null, statedMet: null };
    expect((await lead.post(`/api/v1/interventions/${kommunInsats}/goals`, goal)).status).toBe(201);
  }
});

/** The raw answer of a download, as a browser with the user's session gets it. */
async function download(email: string, url: string) {
  const { token } = await tryLogin(t.app, email, testPassword);
  return t.app.inject({ method: 'GET', url, cookies: { stegvis_session: token! } });
}

describe('GET /api/v1/reports/dashboard', () => {
  it('shows the förbund and its board the interventions side by side, small numbers hidden', async () => {
    for (const client of [forbund, board]) {
      const response = await client.get('/api/v1/reports/dashboard?association=FORBUND&period=2023');
      expect(response.status).toBe(200);
      expect(response.body.threshold).toBe(5);
      expect(response.body.period).toEqual({ name: '2023', from: '2023-01-01', to: '2023-12-31' });
      expect(response.body.interventions.map((i: { code: string }) => i.code)).toEqual(['AF-INSATS', 'KOMMUNINSATS']);
      const kommunRow = response.body.interventions[1];
      // Nine exits to work: the total is shown, completion (2 of 9 not completed) is hidden.
      expect(kommunRow.workOrStudies).toEqual({ count: 9, exited: 9, share: 1 });
      expect(kommunRow.completion).toEqual({ completed: null, recorded: null, share: null });
      expect(kommunRow.volume).toEqual({ participants: 9, target: 100, share: 0.09 });
      expect(kommunRow.cost).toEqual({ actual: 100000.25, perParticipant: 11111.14, perOutcome: 11111.14 });
      // Work or studies (100 % ≥ 50 %) is met; completion is hidden, so not met.
      expect(kommunRow.goals).toEqual({ met: 1, total: 2 });
    }
  });

  it('takes a tertial: its months of costs and its own goals', async () => {
    const response = await forbund.get('/api/v1/reports/dashboard?association=FORBUND&period=2023-T1');
    expect(response.status).toBe(200);
    const kommunRow = response.body.interventions[1];
    expect(kommunRow.cost.actual).toBe(99000.25);
    expect(kommunRow.volume.target).toBeNull();
    expect(kommunRow.goals).toEqual({ met: 1, total: 1 });
  });

  it('takes a calendar month: its own costs, no volume target and no goals', async () => {
    const response = await forbund.get('/api/v1/reports/dashboard?association=FORBUND&period=2023-02');
    expect(response.status).toBe(200);
    expect(response.body.period).toEqual({ name: '2023-02', from: '2023-02-01', to: '2023-02-28' });
    const kommunRow = response.body.interventions[1];
    expect(kommunRow.cost.actual).toBe(99000.25);
    expect(kommunRow.volume.target).toBeNull();
    expect(kommunRow.goals).toEqual({ met: 0, total: 0 });
  });

  it('answers another förbund exactly as one that does not exist, and refuses other roles', async () => {
    const missing = await forbund.get('/api/v1/reports/dashboard?association=FINNS-INTE&period=2023');
    expect(missing.status).toBe(404);
    for (const client of [forbund, board]) {
      const other = await client.get('/api/v1/reports/dashboard?association=ANNAT&period=2023');
      expect(other.status).toBe(404);
      expect(other.body).toEqual(missing.body);
    }
    expect((await lead.get('/api/v1/reports/dashboard?association=FORBUND&period=2023')).status).toBe(403);
    expect((await kommun.get('/api/v1/reports/dashboard?association=FORBUND&period=2023')).status).toBe(403);
  });

  it('refuses a period that is not a year, tertial or month in Swedish', async () => {
    for (const period of ['2023-13', '2023-T4', 'project', '2023-03-01']) {
      const response = await forbund.get(`/api/v1/reports/dashboard?association=FORBUND&period=${period}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('Välj ett år (2026), ett tertial (2026-T2) eller en månad (2026-03)');
    }
  });
});

describe('GET /api/v1/reports/national', () => {
  const url = (format: string, association = 'FORBUND') => `/api/v1/reports/national?association=${association}&year=2023&format=${format}`;

  it('writes a CSV for people: BOM, semicolons, decimal comma, hidden counts as Dolt', async () => {
    const response = await download(t.world.users.associationAdmin.email, url('csv'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="uppfoljning-finsam-forbund-2023.csv"');
    const lines = response.body.split('\r\n');
    expect(lines[0].startsWith('\uFEFFFörbund;År;Insatskod;Insats;Insatsägare;Inriktning;Uppföljningsmetod;Deltagare kvinnor;Deltagare män')).toBe(true);
    const kommunLine = lines.find((l: string) => l.includes('KOMMUNINSATS'))!.split(';');
    // Eight women, one man (hidden, and so the women too), total 9; money as entered.
    expect(kommunLine).toEqual(['FORBUND', '2023', 'KOMMUNINSATS', 'Insats KOMMUNINSATS', 'Org KOMMUN', 'Individinriktad', 'SUS', 'Dolt', 'Dolt', '0', '9', '0', '100', '500000,00', '400000,00', '100000,25', '42000,50']);
  });

  it('writes an XLSX with a bold frozen header and numbers as numbers', async () => {
    const response = await download(t.world.users.associationAdmin.email, url('xlsx'));
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Uppföljning Finsam');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const kommunRow = rows.find((r) => r.includes('KOMMUNINSATS'))!.slice(1);
    expect(kommunRow).toEqual(['FORBUND', 2023, 'KOMMUNINSATS', 'Insats KOMMUNINSATS', 'Org KOMMUN', 'Individinriktad', 'SUS', 'Dolt', 'Dolt', 0, 9, 0, 100, 500000, 400000, 100000.25, 42000.5]);
    // No budget or costs recorded for AF-INSATS: empty cells, not zeros.
    const afRow = sheet.getRow(rows.findIndex((r) => r.includes('AF-INSATS')) + 2);
    expect([14, 15, 16, 17].map((n) => afRow.getCell(n).value)).toEqual([null, null, null, null]);
    expect(afRow.getCell(11).value).toBe(0);
  });

  it('is the förbund administrator’s own: another förbund is not found, other roles refused', async () => {
    const missing = await download(t.world.users.associationAdmin.email, url('csv', 'FINNS-INTE'));
    const other = await download(t.world.users.associationAdmin.email, url('csv', 'ANNAT'));
    expect(missing.statusCode).toBe(404);
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect((await board.get(url('csv'))).status).toBe(403);
    expect((await lead.get(url('csv'))).status).toBe(403);
  });
});
