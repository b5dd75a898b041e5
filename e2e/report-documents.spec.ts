// Report documents (issue 12, items 5–6), in the browser only: the intervention's lead drafts a
// tertialrapport from the built-in template, writes the narrative and submits it; the förbund
// returns it with a comment, the lead completes and resubmits it, the förbund approves and
// publishes it and adapts a template; a board member (report_reader) reads it with its download links; a
// case worker's later registration in the period shows as a difference in the frozen report.
// Every page state is scanned with axe. The tertial (2025 T3) is one no other journey registers in.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { choose, expectAccessible, heading, launch, login, newPage, tick } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
const title = 'Tertialrapport 2025 T3 – Insats KOMMUNINSATS';
const narrative = 'Vi har fått fler remisser än väntat.\n\nSamverkan med Försäkringskassan har fungerat bra.';
let browser: Browser;
let reportUrl = '';

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** A fresh browser context logged in as the user. */
async function as(email: string): Promise<Page> {
  const { page } = await newPage(browser);
  await login(page, baseUrl, email, password);
  return page;
}

const notice = (page: Page, text: string) => expect.poll(() => page.getByText(text).count()).toBeGreaterThan(0);

/** The file a download link gives, as the browser saves it. */
async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  // Kept with the test results, to be looked at.
  await file.saveAs(path.resolve('test-results/downloads', file.suggestedFilename()));
  return fs.readFileSync((await file.path())!);
}

describe('report documents', () => {
  test('the lead drafts a tertial report from a template, writes the narrative and submits it', async () => {
    const page = await as(users.lead);
    await page.goto(`${baseUrl}/insatser`);
    await page.getByRole('link', { name: 'Insats KOMMUNINSATS' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Insats KOMMUNINSATS');
    await page.getByRole('link', { name: 'Rapporter till förbundet' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Rapporter: Insats KOMMUNINSATS');
    await expectAccessible(page, 'reports of the intervention, none yet');

    await choose(page, 'Mall', 'Tertialrapport');
    await page.getByRole('textbox', { name: 'Period' }).fill('2025-T3');
    await page.getByRole('button', { name: 'Skapa rapporten' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(title);
    reportUrl = page.url();
    expect(await page.getByRole('table', { name: 'Flöde' }).count()).toBe(1);
    await expectAccessible(page, 'report draft');

    await page.getByRole('textbox', { name: 'Resultat/uppnådda effekter' }).fill(narrative);
    await page.getByRole('button', { name: 'Spara texten' }).click();
    await notice(page, 'Texten är sparad.');
    await expectAccessible(page, 'report draft, text saved');

    await page.getByRole('button', { name: 'Lämna in rapporten' }).click();
    await notice(page, 'Rapporten är inlämnad och fryst.');
    await expect.poll(() => page.getByText(/Fryst version 1\. Kontrollsumma \(sha256\): [0-9a-f]{64}/).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Resultat/uppnådda effekter' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Samverkan med Försäkringskassan har fungerat bra.').count()).toBe(1);
    await expectAccessible(page, 'report submitted');
    await page.context().close();
  });

  test('the förbund returns it with a comment, and the lead completes it and submits again', async () => {
    const admin = await as(users.associationAdmin);
    await admin.goto(reportUrl);
    await expect.poll(() => heading(admin).textContent()).toBe(title);
    await expectAccessible(admin, 'report to review');
    await admin.getByRole('button', { name: 'Återlämna', exact: true }).click();
    await notice(admin, 'Skriv vad som ska kompletteras.');
    await admin.getByRole('textbox', { name: 'Kommentar till insatsen' }).fill('Beskriv hindren för samverkan.');
    await admin.getByRole('button', { name: 'Återlämna', exact: true }).click();
    await notice(admin, 'Rapporten är nu: återlämnad för komplettering.');
    await admin.context().close();

    const page = await as(users.lead);
    await page.goto(reportUrl);
    await notice(page, 'Beskriv hindren för samverkan.');
    await expectAccessible(page, 'report returned to the lead');
    await page.getByRole('textbox', { name: 'Hinder för samverkan/utmaningar' }).fill('Lokalerna delas med två andra verksamheter.');
    await page.getByRole('button', { name: 'Lämna in rapporten' }).click();
    await expect.poll(() => page.getByText(/Fryst version 2\./).count()).toBe(1);
    await page.context().close();
  });

  test('the förbund approves and publishes it', async () => {
    const page = await as(users.associationAdmin);
    await page.goto(reportUrl);
    await expect.poll(() => heading(page).textContent()).toBe(title);
    await page.getByRole('button', { name: 'Godkänn' }).click();
    await notice(page, 'Rapporten är nu: godkänd.');
    await expectAccessible(page, 'report approved');
    await page.getByRole('button', { name: 'Publicera för styrelsen' }).click();
    await notice(page, 'Rapporten är nu: publicerad.');
    await expectAccessible(page, 'report published');
    await page.context().close();
  });

  test('the förbund copies a built-in template and adapts its headings and order', async () => {
    const page = await as(users.associationAdmin);
    await page.getByRole('link', { name: 'Publicerade rapporter' }).first().click();
    await page.getByRole('link', { name: 'Rapportmallar' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Rapportmallar');
    await expectAccessible(page, 'report templates');
    await page.getByRole('button', { name: 'Kopiera Slutrapport till förbundet' }).click();
    await notice(page, 'Mallen är kopierad. Anpassa den nedan.');
    const editor = page.getByRole('region', { name: 'Anpassa Slutrapport (förbundets)' });
    await editor.getByRole('textbox', { name: 'Rubrik' }).first().fill('Om insatsen');
    await editor.getByRole('button', { name: 'Flytta ned Om insatsen' }).click();
    await editor.getByRole('button', { name: 'Spara mallen' }).click();
    await notice(page, 'Mallen är sparad.');
    expect(await editor.getByRole('group', { name: 'Avsnitt 2' }).getByRole('textbox', { name: 'Rubrik' }).inputValue()).toBe('Om insatsen');
    await expectAccessible(page, 'report template adapted');
    await page.context().close();
  });

  test('a board member reads the published report, with its download links', async () => {
    const page = await as(users.reportReader);
    await page.getByRole('link', { name: 'Publicerade rapporter' }).first().click();
    await expect.poll(() => heading(page).textContent()).toBe('Publicerade rapporter');
    await expectAccessible(page, 'published reports');
    await page.getByRole('link', { name: title }).click();
    await expect.poll(() => heading(page).textContent()).toBe(title);
    await expect.poll(() => page.getByText('Vi har fått fler remisser än väntat.').count()).toBe(1);
    for (const name of ['PDF', 'Word (DOCX)', 'Excel (XLSX)', 'CSV för Excel']) {
      expect(await page.getByRole('link', { name }).getAttribute('href')).toMatch(/\/versions\/2\/file\?format=(pdf|docx|xlsx|csv)$/);
    }
    // The files the board reads carry the lead's text: in the PDF, the Word document and the workbook.
    const pdf = await download(page, 'PDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ')).toContain('Vi har fått fler remisser än väntat.');
    const docx = await JSZip.loadAsync(await download(page, 'Word (DOCX)'));
    expect(await docx.file('word/document.xml')!.async('string')).toContain('Vi har fått fler remisser än väntat.');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(page, 'Excel (XLSX)')) as unknown as ArrayBuffer);
    const texts = book.worksheets[0].getSheetValues().flat().map(String);
    expect(texts.some((text) => text.includes('Vi har fått fler remisser än väntat.'))).toBe(true);
    await expect.poll(() => page.getByText('Siffrorna i den frysta versionen stämmer med dagens registreringar.').count()).toBe(1);
    await expectAccessible(page, 'published report, board member');
    await page.context().close();
  });

  test('a later registration in the period shows as frozen value against today’s', async () => {
    const worker = await as(users.caseWorker);
    await worker.goto(`${baseUrl}/deltagare/ny`);
    await choose(worker, 'Kön', 'Kvinna');
    await worker.getByRole('textbox', { name: 'Egen referens' }).fill('RAPPORT-T3');
    await worker.getByLabel('Startdatum', { exact: true }).fill('2025-10-01');
    await worker.getByLabel('Datum för samtycket', { exact: true }).fill('2025-10-01');
    await tick(worker, 'checkbox', 'Försörjningsstöd (ekonomiskt bistånd)');
    await choose(worker, 'Sysselsättning före start', 'Ingen sysselsättning');
    await worker.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await notice(worker, 'Deltagaren är inskriven.');
    await worker.context().close();

    const page = await as(users.reportReader);
    await page.goto(reportUrl);
    const differences = page.getByRole('table', { name: 'Fruset värde och värde i dag' });
    await expect.poll(() => differences.getByRole('row', { name: /Inskrivna under perioden/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'published report with differences');
    await page.context().close();
  });
});
