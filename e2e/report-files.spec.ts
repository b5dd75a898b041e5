// Issue 9 items 5 and 6: files for people and reports that stay useful under suppression, on the
// demo data. The förbund's start page explains "Dolt"; the report's selection lives in the address
// (a reload opens the same report); a hidden cell says "dolt" and the notice says why; the file
// for Excel has the name that says what, BOM and semicolons, and the numbers of the screen; the
// report, a participant's page and the list print as content alone with a heading line.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, choose, expectAccessible, login, tick } from './support/browser.js';

const baseUrl = inject('demoUrl');
const demo = {
  caseWorker: ['handlaggare@demo.stegvis.se', 'handlaggare-demo-1'],
  lead: ['insatsansvarig@demo.stegvis.se', 'insatsansvarig-demo-1'],
  forbund: ['forbund@demo.stegvis.se', 'forbundet-demo-1'],
} as const;
const year = new Date().getFullYear() - 1;
const outDir = path.resolve('test-results/report-files');

const session = browserPerTest();
let page: Page;
beforeAll(() => {
  fs.mkdirSync(outDir, { recursive: true });
});
beforeEach(() => {
  page = session.page;
});

async function download(click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: fs.readFileSync((await file.path())!) };
}

/** The flow table as the screen shows it (a hidden cell as "–"), by row heading. */
async function screenFlow() {
  const region = page.getByRole('region', { name: 'Deltagarflöde per kön' });
  const rows = await region.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.querySelector('[aria-hidden="true"]')?.textContent ?? c.textContent ?? '').replace(/\u00a0/g, ' ').trim())),
  );
  return new Map(rows.map(([label, ...cells]) => [label, cells]));
}

/** Print media: the navigation, the form and the buttons are gone, the print heading is there. */
async function expectPrintsAsContent(name: string, headingParts: RegExp[]) {
  await page.emulateMedia({ media: 'print' });
  const headingLine = page.locator('.print-heading');
  expect(await headingLine.isVisible()).toBe(true);
  const text = (await headingLine.textContent()) ?? '';
  for (const part of [...headingParts, /Utskriven \d{1,2} [a-zåäö]+ \d{4}/]) expect(text).toMatch(part);
  expect(await page.locator('.app-nav').isVisible()).toBe(false);
  expect(await page.locator('.app-header').isVisible()).toBe(false);
  expect(await page.locator('main form').first().isVisible().catch(() => false)).toBe(false);
  expect(await page.locator('main .btn').evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length)).toBe(0);
  await page.pdf({ path: path.join(outDir, `${name}.pdf`), format: 'A4', printBackground: false });
  await page.screenshot({ path: path.join(outDir, `${name}-print.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  expect(await headingLine.isVisible()).toBe(false);
}

describe('a förbund under suppression', () => {
  test('the start page explains "Dolt"', async () => {
    await login(page, baseUrl, ...demo.forbund);
    await page.getByText(/Dolt betyder detsamma: siffran är för liten för att visas/).first().waitFor();
    await expectAccessible(page, 'förbund start page');
  });

  test('the report selection is in the address, hidden cells say why, and the Excel file holds the screen’s numbers', async () => {
    await login(page, baseUrl, ...demo.forbund);
    await page.goto(`${baseUrl}/rapporter?insats=AVANTI&period=${year}`);
    await page.getByRole('heading', { name: 'Avanti', level: 2 }).waitFor();
    await page.getByText(`Period: ${year}-01-01 – ${year}-12-31`, { exact: true }).waitFor();
    await page.getByText(/Antal från 1 till 4 visas som – \(dolt\), så att ingen deltagare kan kännas igen/).waitFor();
    await expectAccessible(page, 'report, suppressed, year from the address');

    // Another period through the form: the address follows, and a reload opens the same report.
    await tick(page, 'radio', 'Tertial');
    await choose(page, 'Tertial', /T2/);
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === `${year}-T2`);
    await page.getByText(`Period: ${year}-05-01 – ${year}-08-31`, { exact: true }).waitFor();
    await page.reload();
    await page.getByText(`Period: ${year}-05-01 – ${year}-08-31`, { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('insats')).toBe('AVANTI');
    expect(await page.getByRole('radio', { name: 'Tertial' }).isChecked()).toBe(true);
    await expectAccessible(page, 'report, suppressed, tertial after reload');

    // A hidden cell is "–" on screen and "dolt" to a screen reader.
    const hidden = page.locator('td .visually-hidden', { hasText: 'dolt' });
    const hiddenCount = await hidden.count();

    // The file for Excel, read as Swedish Excel reads it.
    const excel = await download(() => page.getByRole('link', { name: 'Ladda ner för Excel' }).click());
    expect(excel.name).toBe(`avanti-${year}-T2.csv`);
    expect([...excel.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(excel.body, { delimiter: ';', bom: true, skip_empty_lines: true });
    expect(rows[0]).toEqual(['Avsnitt', 'Benämning', 'Kvinnor', 'Män', 'Annat/ej angivet', 'Totalt', 'Under 30 år', 'Andel']);
    const screen = await screenFlow();
    for (const label of ['Inskrivna', 'Aktiva', 'Avslutade', 'Anonymt registrerade']) {
      const fileRow = rows.find((r) => r[0] === 'Deltagarflöde' && r[1] === label)!;
      expect(fileRow.slice(2, 7), label).toEqual(screen.get(label));
    }
    const fileHidden = rows.slice(1).flat().filter((c) => c === '–').length;
    expect(fileHidden > 0).toBe(hiddenCount > 0);

    // The workbook: the screen's numbers as numbers, a hidden cell as "Dolt".
    const workbook = await download(() => page.getByRole('link', { name: 'Ladda ner Excel-arbetsbok (XLSX)' }).click());
    expect(workbook.name).toBe(`utfall-avanti-${year}-T2.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.body as unknown as ArrayBuffer);
    const flow = book.worksheets.find((sheet) => sheet.getCell('A1').value === 'Deltagarflöde per kön')!;
    for (const label of ['Inskrivna', 'Avslutade']) {
      const cells = flow.getSheetValues().map((row) => (row as unknown[] | undefined)?.slice(1)).find((row) => row?.[0] === label)!;
      expect(cells.slice(1, 6).map((c) => (c === 'Dolt' ? '–' : String(c))), label).toEqual(screen.get(label));
    }
    for (const [name, start] of [['Ladda ner PDF', '%PDF-'], ['Ladda ner Word (DOCX)', 'PK']] as const) {
      const file = await download(() => page.getByRole('link', { name }).click());
      expect(file.body.subarray(0, start.length).toString(), name).toBe(start);
    }
    // The machine files stay, labelled for programs.
    await page.getByRole('link', { name: 'Ladda ner CSV för program' }).waitFor();
    await page.getByRole('link', { name: 'Ladda ner JSON för program' }).waitFor();
  });
});

describe('printing', () => {
  test('the report prints as content alone with what, which period and when', async () => {
    await login(page, baseUrl, ...demo.lead);
    await page.goto(`${baseUrl}/rapporter?insats=AVANTI&period=${year}-03`);
    await page.getByText(`Period: ${year}-03-01 – ${year}-03-31`, { exact: true }).waitFor();
    await expectPrintsAsContent('report', [/^Utfallsrapport: Avanti/, new RegExp(`Mars ${year}`)]);
  });

  test('the participants list and a participant’s page print with their heading', async () => {
    await login(page, baseUrl, ...demo.caseWorker);
    await page.goto(`${baseUrl}/deltagare`);
    await page.getByRole('table').first().waitFor();
    await expectPrintsAsContent('participants', [/^Deltagare \(aktiva\), alla insatser/, /Läget när listan skrevs ut/]);
    await page.getByRole('table').first().getByRole('link').first().click();
    await page.waitForURL((url) => /^\/deltagare\/[^/]+$/.test(url.pathname));
    await page.locator('.print-heading', { hasText: 'Inskriven' }).waitFor({ state: 'attached' });
    await expectPrintsAsContent('participant', [/, (Avanti|Aktivitetscenter|Kraften)/i, /Inskriven (sedan )?\d/]);
  });
});
