import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { download } from '../../test/download.js';
import { worldFixture } from '../../test/fixture.js';
import { seedNineExits } from '../../test/nine-exits.js';

// GET /api/v1/reports/outcomes?format=xlsx|docx|pdf: the outcomes report as files for people,
// with the numbers of the JSON, suppressed as the JSON is, and out of scope exactly as not found.

const t = worldFixture();
const url = (query: string) => `/api/v1/reports/outcomes?${query}&period=2023`;

beforeAll(() => seedNineExits(t.db, t.world, 'UTFALL'));

/** The rows under the header of the sheet whose A1 is `caption`. */
async function sheetRows(body: Buffer, caption: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.getCell('A1').value === caption)!;
  return sheet.getSheetValues().slice(3).map((row) => (row as unknown[]).slice(1));
}

describe('the outcomes report as files', () => {
  it('gives the exits by reason of the JSON as numbers, and "Dolt" where the suppressed JSON has null', async () => {
    for (const [key, man] of [['lead', 1], ['afWorker', 'Dolt']] as const) {
      const json = (await t.as(key).get(url('intervention=KOMMUNINSATS'))).body;
      const file = await download(t.app, t.world.users[key].email, url('intervention=KOMMUNINSATS&format=xlsx'));
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toBe('attachment; filename="utfall-kommuninsats-2023.xlsx"');
      const work = json.exit_reasons.find((r: { code: string }) => r.code === 'work');
      const row = (await sheetRows(file.rawPayload, 'Avslut per orsak och kön')).find((r) => r[0] === 'Arbete')!;
      const expected = ['woman', 'man', 'other', 'total', 'share'].map((key) => (work.suppressed?.includes(key) ? 'Dolt' : work[key]));
      expect(row.slice(1, 6)).toEqual(expected);
      expect(row[2]).toBe(man);
    }
  });

  it('renders DOCX and PDF, and keeps the CSVs on outcomes.csv', async () => {
    for (const [format, magic] of [['docx', 'PK'], ['pdf', '%PDF-']] as const) {
      const file = await download(t.app, t.world.users.lead.email, url(`intervention=KOMMUNINSATS&format=${format}`));
      expect(file.statusCode, format).toBe(200);
      expect(file.rawPayload.subarray(0, magic.length).toString(), format).toBe(magic);
    }
    const csv = await t.as('lead').get('/api/v1/reports/outcomes.csv?intervention=KOMMUNINSATS&period=2023');
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const refused = await t.as('lead').get(url('intervention=KOMMUNINSATS&format=csv'));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.errors)).toContain('Välj format: json, xlsx, docx eller pdf');
  });

  it('answers a file outside the actor’s scope exactly as a missing code', async () => {
    const missing = await download(t.app, t.world.users.fkWorker.email, url('intervention=FINNS-INTE&format=pdf'));
    const hidden = await download(t.app, t.world.users.fkWorker.email, url('intervention=AF-INSATS&format=pdf'));
    expect(missing.statusCode).toBe(404);
    expect([hidden.statusCode, hidden.body]).toEqual([404, missing.body]);
  });
});
