import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture, type UserKey } from '../../test/fixture.js';
import { addParticipant } from '../../test/world.js';

// The people's CSV read back as Swedish Excel reads it (semicolon, BOM, decimal comma, "25 %",
// "–" for a hidden cell) gives the numbers of the JSON report the page shows.
const f = worldFixture();

beforeAll(async () => {
  // 2023 in KOMMUNINSATS: eight women and one man exit to work (the man a small cell outside the
  // controller), three women to studies, two men still active; one person under 30.
  const people: { gender: 'woman' | 'man'; exit?: string; reason?: string; birthYear: number }[] = [
    ...Array.from({ length: 8 }, () => ({ gender: 'woman' as const, exit: '2023-05-10', reason: 'work', birthYear: 1980 })),
    { gender: 'man', exit: '2023-06-10', reason: 'work', birthYear: 1980 },
    ...Array.from({ length: 3 }, () => ({ gender: 'woman' as const, exit: '2023-10-01', reason: 'studies', birthYear: 2000 })),
    { gender: 'man', birthYear: 1970 },
    { gender: 'man', birthYear: 1975 },
  ];
  for (const p of people) {
    await addParticipant(f.db, {
      controllerId: f.world.orgs.kommun,
      gender: p.gender,
      birthYear: p.birthYear,
      enrolments: [{ interventionId: f.world.interventions.kommunInsats, start: '2023-01-10', exit: p.exit, reason: p.reason }],
    });
  }
});

/** A cell as Swedish Excel understands it: null for "–" or empty, a percentage as a fraction. */
function excelValue(cell: string): number | null {
  const text = cell.replace(/\u00a0/g, ' ').trim();
  if (text === '' || text === '–') return null;
  const percent = /^(-?\d+(?:,\d+)?) %$/.exec(text);
  if (percent) return Number(percent[1].replace(',', '.')) / 100;
  if (!/^-?\d+(?:,\d+)?$/.test(text)) throw new Error(`not a number: ${text}`);
  return Number(text.replace(',', '.'));
}

const asOnScreen = (share: number | null) => (share === null ? null : Math.floor(share * 100 + 0.5 + 1e-9) / 100);

async function both(user: UserKey, scope: string, period: string) {
  const json = await f.as(user).get(`/api/v1/reports/outcomes?${scope}&${period}`);
  const csv = await f.as(user).get(`/api/v1/reports/outcomes.csv?${scope}&${period}&for=excel`);
  expect(json.status).toBe(200);
  expect(csv.status).toBe(200);
  return { report: json.body, csv };
}

function rowsOf(text: string): string[][] {
  return parse(text, { delimiter: ';', bom: true, relax_column_count: false, skip_empty_lines: true });
}

function compare(report: any, rows: string[][]) {
  const [header, ...body] = rows;
  expect(header).toEqual(['Avsnitt', 'Benämning', 'Kvinnor', 'Män', 'Annat/ej angivet', 'Totalt', 'Under 30 år', 'Andel']);
  const find = (section: string, label: string) => {
    const row = body.find((r) => r[0] === section && r[1] === label);
    if (!row) throw new Error(`no row ${section} / ${label}`);
    return row.slice(2).map(excelValue);
  };
  const labels = { enrolled: 'Inskrivna', active: 'Aktiva', exited: 'Avslutade', anonymous: 'Anonymt registrerade' } as const;
  for (const key of ['enrolled', 'active', 'exited', 'anonymous'] as const) {
    const line = report.flow[key];
    expect(find('Deltagarflöde', labels[key])).toEqual([line.woman, line.man, line.other, line.total, line.under_30 ?? null, null]);
  }
  for (const row of report.exit_reasons) {
    expect(find('Avslut per orsak', row.label)).toEqual([row.woman, row.man, row.other, row.total, null, asOnScreen(row.share)]);
  }
  const ws = report.work_or_studies;
  expect(find('Andel till arbete eller studier', 'Andel av avslutade')).toEqual([
    asOnScreen(ws.woman.share), asOnScreen(ws.man.share), asOnScreen(ws.other.share), asOnScreen(ws.total.share), null, null,
  ]);
}

describe('the outcomes CSV for people (Swedish Excel)', () => {
  it('holds the numbers of the report, unsuppressed, with a name that says what and when', async () => {
    const { report, csv } = await both('lead', 'intervention=KOMMUNINSATS', 'period=2023');
    expect(csv.headers['content-type']).toContain('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="kommuninsats-2023.csv"');
    const text = csv.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(report.exit_reasons.length).toBeGreaterThan(0);
    compare(report, rowsOf(text));
  });

  it('shows hidden cells as on the page and says why', async () => {
    const { report, csv } = await both('associationAdmin', 'intervention=KOMMUNINSATS', 'period=2023');
    expect(report.rules.suppression_threshold).toBe(5);
    expect(report.flow.exited.man).toBeNull();
    const rows = rowsOf(csv.body);
    compare(report, rows);
    expect(rows.find((r) => r[1] === 'Avslutade')![3]).toBe('–');
    expect(rows.some((r) => r[0] === 'Förklaring' && r[1].includes('visas som –'))).toBe(true);
  });

  it('names the file after the period asked for', async () => {
    const name = async (period: string) =>
      (await f.as('lead').get(`/api/v1/reports/outcomes.csv?intervention=KOMMUNINSATS&${period}&for=excel`)).headers['content-disposition'];
    expect(await name('period=2023-T2')).toBe('attachment; filename="kommuninsats-2023-T2.csv"');
    expect(await name('period=2023-03')).toBe('attachment; filename="kommuninsats-2023-03.csv"');
    expect(await name('from=2023-05-01&to=2023-08-31')).toBe('attachment; filename="kommuninsats-2023-T2.csv"');
    expect(await name('from=2023-02-10&to=2023-06-30')).toBe('attachment; filename="kommuninsats-2023-02-10_2023-06-30.csv"');
  });

  it('keeps the machine CSV as it was (comma, no BOM) and refuses an unknown for', async () => {
    const machine = await f.as('lead').get('/api/v1/reports/outcomes.csv?intervention=KOMMUNINSATS&period=2023');
    expect((machine.body as string).charCodeAt(0)).not.toBe(0xfeff);
    expect((machine.body as string).split('\n')[0]).toBe('Avsnitt,Kod,Benämning,Kvinnor,Män,Annat/ej angivet,Totalt,Under 30,Andel');
    expect((await f.as('lead').get('/api/v1/reports/outcomes.csv?intervention=KOMMUNINSATS&period=2023&for=word')).status).toBe(400);
  });

  it('answers not found outside the actor’s scope, as the other formats', async () => {
    const outside = await f.as('fkWorker').get('/api/v1/reports/outcomes.csv?intervention=AF-INSATS&period=2023&for=excel');
    expect(outside.status).toBe(404);
  });
});
