import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ReportColumnKind, ReportDocument, ReportTable } from '../../core/reports/document.js';
import { renderReportDocument } from './render.js';
import { pdfText } from '../../test/pdf-text.js';

// Every format read back with a real parser, as a board member's program would read it.

/** "key:label:kind" as a column. */
const column = (spec: string) => {
  const [key, label, kind] = spec.split(':') as [string, string, ReportColumnKind];
  return { key, label, kind };
};
const injection = '=HYPERLINK("http://example.test","klicka")';
const outcomes: ReportTable = {
  caption: 'Avslut till arbete eller studier per kön',
  columns: (['gender:Kön:text', 'count:Till arbete eller studier:count', 'share:Andel av avslutade:share'] as const).map(column),
  rows: [
    { gender: 'Kvinnor', count: 1234, share: 0.2462 },
    { gender: 'Män', count: { hidden: 'suppressed' }, share: { hidden: 'suppressed' } },
    { gender: 'Annat/ej angivet', count: 0, share: null },
  ],
  notes: ['Andel av alla avslut under perioden.'],
};
const budget: ReportTable = {
  caption: 'Ekonomisk rapport per kostnadsslag och år, med en mycket lång rubrik',
  columns: (['category:Kostnadsslag:text', 'actual:Utfall:money', 'mean:Aktiva per dag:number'] as const).map(column),
  rows: [
    { category: 'Lönekostnader', actual: 12600, mean: 12.35 },
    { category: injection, actual: 60000, mean: null },
  ],
  notes: [],
};
const document: ReportDocument = {
  title: 'Tertialrapport 2026 T2 – Avanti',
  meta: [{ label: 'Period', value: '2026-05-01 – 2026-08-31' }],
  sections: [
    { heading: 'Resultat och uppnådda effekter', blocks: [{ kind: 'text', text: `Det har gått bra.\n\n${injection}` }] },
    { heading: 'Flöde och volymer', blocks: [{ kind: 'chart', chart: { title: 'Andel till arbete eller studier', table: outcomes, categoryKey: 'gender', seriesKeys: ['share'] } }] },
    { heading: 'Ekonomisk rapport', blocks: [{ kind: 'table', table: budget }, { kind: 'table', table: { ...budget, caption: `${budget.caption}!` } }] },
  ],
};

const nbsp = /\u00a0/g;

describe('a report document as XLSX', () => {
  it('has one sheet per table with numbers as numbers, number formats, "Dolt" for a hidden cell and a bold frozen header', async () => {
    const file = await renderReportDocument(document, 'xlsx');
    expect(file).toMatchObject({ extension: 'xlsx', contentType: expect.stringContaining('spreadsheetml') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    // At most 31 characters, unique, and long captions that differ at the end stay apart.
    expect(names).toEqual(['Om rapporten', 'Avslut till … studier per kön', 'Ekonomisk rapport … lång rubrik', 'Ekonomisk … lång rubrik!']);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    const sheet = workbook.getWorksheet(names[1]!)!;
    expect(sheet.getCell('A1').value).toBe(outcomes.caption);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Kön', 'Till arbete eller studier', 'Andel av avslutade']);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('B3').value).toBe(1234);
    expect(sheet.getCell('C3').value).toBe(0.2462);
    expect(sheet.getCell('C3').numFmt).toBe('0 %');
    expect(sheet.getCell('B4').value).toBe('Dolt');
    expect(sheet.getCell('C5').value).toBe('–');
    expect(sheet.getColumn(2).width).toBeGreaterThan(10);
    const money = workbook.getWorksheet(names[2]!)!;
    expect(money.getCell('B3').value).toBe(12600);
    expect(money.getCell('B3').numFmt).toBe('#,##0 "kr"');
    expect(money.getCell('C3').value).toBe(12.35);
  });

  it('defuses free text that a spreadsheet would run as a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportDocument(document, 'xlsx')).body as unknown as ArrayBuffer);
    const texts = workbook.worksheets.flatMap((s) => s.getSheetValues().flat().filter((v): v is string => typeof v === 'string'));
    expect(texts).toContain(`'${injection}`);
    expect(texts.filter((v) => /^[=+\-@]/.test(v))).toEqual([]);
    expect(workbook.worksheets.flatMap((s) => s.getSheetValues().flat()).some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });
});

describe('a report document as DOCX', () => {
  it('has a title, headings, real tables with a header row and the chart as an SVG image with a PNG fallback', async () => {
    const file = await renderReportDocument(document, 'docx');
    const zip = await JSZip.loadAsync(file.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]);
    const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const styled = (style: string) => paragraphs.filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`)).map(textOf);
    expect(styled('Title')).toEqual([document.title]);
    expect(styled('Heading1')).toEqual(['Resultat och uppnådda effekter', 'Flöde och volymer', 'Ekonomisk rapport']);
    expect(styled('Heading2')).toEqual([outcomes.caption, budget.caption, `${budget.caption}!`]);
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    expect(tables[0]).toContain('<w:tblHeader/>');
    const cells = [...tables[0]!.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) => textOf(m[0]).replace(nbsp, ' '));
    expect(cells).toEqual(['Kön', 'Till arbete eller studier', 'Andel av avslutade', 'Kvinnor', '1 234', '25 %', 'Män', 'Dolt', 'Dolt', 'Annat/ej angivet', '0', '–']);
    expect(xml).toContain('Dolt: små tal visas inte');
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).map((n) => n.split('.').pop()).sort()).toEqual(['png', 'svg']);
    expect(xml).toContain('asvg:svgBlip');
  });

  it('keeps free text as text, never a field or formula', async () => {
    const zip = await JSZip.loadAsync((await renderReportDocument(document, 'docx')).body);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('=HYPERLINK(&quot;http://example.test&quot;,&quot;klicka&quot;)');
    expect(xml).not.toMatch(/<w:fldSimple|w:instrText[^>]*>[^<]*HYPERLINK/);
  });
});

describe('a report document as PDF', () => {
  it('draws headings, figures, "Dolt", the chart and page numbers on A4', async () => {
    const file = await renderReportDocument(document, 'pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file.body);
    for (const expected of [document.title, 'Resultat och uppnådda effekter', 'Flöde och volymer', outcomes.caption, '1 234', '25 %', 'Dolt', '12 600 kr', 'Sida 1 av', injection]) {
      expect(text).toContain(expected);
    }
    // The chart's title and axis labels are text in the PDF (drawn from the SVG, not lost); no cell shows 10 %.
    expect(text).toContain('Andel till arbete eller studier\n');
    expect(text).toContain('10 %');
    const info = spawnSync('pdfinfo', ['-'], { input: file.body, encoding: 'latin1' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});

describe('a report document as CSV', () => {
  it('is one block per table for Swedish Excel: BOM, semicolons, decimal comma, percentages as on the page', async () => {
    const file = await renderReportDocument(document, 'csv');
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(text.slice(1), { delimiter: ';', relaxColumnCount: true, skipEmptyLines: false });
    const block = (caption: string) => rows.slice(rows.findIndex((r) => r[0] === caption) + 1);
    const shares = block(outcomes.caption);
    expect(shares.slice(0, 4)).toEqual([['Kön', 'Till arbete eller studier', 'Andel av avslutade'], ['Kvinnor', '1234', '25 %'], ['Män', 'Dolt', 'Dolt'], ['Annat/ej angivet', '0', '–']]);
    const money = block(budget.caption);
    expect(money.slice(0, 3)).toEqual([['Kostnadsslag', 'Utfall (kr)', 'Aktiva per dag'], ['Lönekostnader', '12600', '12,35'], [`'${injection}`, '60000', '–']]);
    expect(rows.flat().filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
  });
});
