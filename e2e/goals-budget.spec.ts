// Mål och budget (issue 12): the intervention's lead opens the page from the intervention, sees
// that there are no goals yet, then a goal and a budget set through the API show with their
// fulfilment, rule, inputs and the budget table. The lead then adds, changes and removes a goal
// and enters the budget in the browser, and downloads the key figures; a case worker of the
// intervention sees the page without any editing control. Every state is scanned with axe.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiWrite, choose, expectAccessible, heading, launch, login, newPage } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  await login(page, baseUrl, users.lead, password);
});
afterAll(async () => browser?.close());

/** A write through the API as the logged-in lead: its status. */
const write = async (method: string, path: string, body: unknown) => (await apiWrite(page, method, path, body)).status;

/** A number as the page shows it ("120 000 kr", "-5 kr", "40 %"), as a number. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[\s\u00a0]|kr|%/g, '').replace('−', '-').replace(',', '.'));

/** The cells of a table row, by its heading, as the screen shows them. */
async function cellsOf(table: ReturnType<Page['getByRole']>, name: RegExp) {
  return table.getByRole('row', { name }).locator('td').allTextContents();
}

/** The message a saved dialog leaves, which has the focus. */
async function expectResult(message: string) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(message);
}

describe('Mål och budget', () => {
  let url = '';

  test('opens from the intervention, by keyboard, with no goals yet', async () => {
    await page.goto(`${baseUrl}/insatser`);
    await page.getByRole('link', { name: 'Insats KOMMUNINSATS' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Insats KOMMUNINSATS');
    const link = page.getByRole('link', { name: 'Mål och budget' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Mål och budget: Insats KOMMUNINSATS');
    url = page.url();
    await expect.poll(() => page.getByText('Insatsen har inga mål ännu.').count()).toBe(1);
    await expectAccessible(page, 'goals and budget, empty');
  });

  test('shows a goal with its fulfilment, rule and inputs, and the budget against actual', async () => {
    const id = url.split('/insatser/')[1].split('/')[0];
    const year = new Date().getUTCFullYear();
    expect(await write('POST', `/api/v1/interventions/${id}/goals`, { period: String(year), kind: 'volume', title: 'Minst 40 deltagare', target: 40 })).toBe(201);
    expect(await write('POST', `/api/v1/interventions/${id}/goals`, { period: String(year), kind: 'manual', title: 'Skriftligt underlag', statedValue: '98,5 %', statedMet: true })).toBe(201);
    expect(await write('PUT', `/api/v1/interventions/${id}/budget/${year}`, { grant: 500000, lines: { salaries: 300000 } })).toBe(200);
    await page.reload();
    const goals = page.getByRole('table', { name: 'Mål' });
    await expect.poll(() => goals.getByRole('row').count()).toBe(3);
    const manual = goals.getByRole('row', { name: /Skriftligt underlag/ });
    expect(await manual.textContent()).toContain('98,5 %');
    expect(await manual.textContent()).toContain('Utfallet anges av insatsens ansvariga');
    const volume = goals.getByRole('row', { name: /Minst 40 deltagare/ });
    expect(await volume.textContent()).toContain('Unika deltagare');
    const budget = page.getByRole('table', { name: `Budget och utfall ${year}` });
    await expect.poll(() => budget.getByRole('row', { name: /Lönekostnader/ }).count()).toBe(1);
    await expectAccessible(page, 'goals and budget, with a goal and a budget');
  });

  test('the lead adds a work-or-studies goal in the browser, with Swedish messages at the fields, and sees it follow an exit', async () => {
    await page.goto(url);
    const goals = page.getByRole('table', { name: 'Mål' });
    await expect.poll(() => goals.getByRole('row').count()).toBe(3);
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till mål' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Välj vilken sorts mål det är');
    expect(await dialog.textContent()).toContain('Skriv målet med egna ord');
    await choose(page, 'Sorts mål', 'Andel avslut till arbete eller studier');
    await dialog.getByLabel('Målet med egna ord').fill('40 % till arbete eller studier');
    await dialog.getByLabel('Målvärde i procent').fill('140');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Ange en andel mellan 0 och 100 %');
    await expectAccessible(page, 'goal dialog with errors');
    await dialog.getByLabel('Målvärde i procent').fill('40');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expectResult('Målet är tillagt.');
    await expect.poll(() => goals.getByRole('row').count()).toBe(4);
    const [, , target, , rule] = await cellsOf(goals, /40 % till arbete eller studier/);
    expect(numberIn(target)).toBe(40);
    expect(rule).toContain('40 %');
    await expectAccessible(page, 'goals and budget, goal added in the browser');

    // A case worker registers an exit to work today; the goal's result follows it and is the
    // year's share of exits to work or studies that the key figures show.
    const worker = await newPage(browser);
    await login(worker.page, baseUrl, users.caseWorker, password);
    const today = new Date().toISOString().slice(0, 10);
    const enrolment = await apiWrite(worker.page, 'POST', '/api/v1/enrolments', {
      mode: 'consent', interventionId: url.split('/insatser/')[1].split('/')[0], gender: 'man', startDate: today,
      person: { participantRef: 'MAL-E2E-1', firstName: 'Måns', lastName: 'Målsson' }, consent: { givenDate: today, method: 'written', partyIds: [] },
    });
    expect(enrolment.status).toBe(201);
    expect((await apiWrite(worker.page, 'POST', `/api/v1/enrolments/${enrolment.body.id}/exit`, { exitDate: today, exitReason: 'work' })).status).toBe(200);
    await worker.context.close();
    await page.reload();
    await expect.poll(async () => (await cellsOf(goals, /40 % till arbete eller studier/))[1]).toMatch(/\d/);
    const [, result, , status] = await cellsOf(goals, /40 % till arbete eller studier/);
    const shown = await page.locator('dt', { hasText: /^Till arbete eller studier$/ }).locator('xpath=following-sibling::dd[1]').textContent();
    expect(result).toBe(shown);
    expect(status).toBe(numberIn(result) >= 40 ? 'Ja' : 'Nej');
  });

  test('the lead changes and removes a goal, confirming the removal', async () => {
    const goals = page.getByRole('table', { name: 'Mål' });
    await page.getByRole('button', { name: 'Ändra målet Minst 40 deltagare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra mål' });
    expect(await dialog.getByLabel('Målvärde (antal)').inputValue()).toBe('40');
    await dialog.getByLabel('Målvärde (antal)').fill('2,5');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Ange ett helt antal');
    await dialog.getByLabel('Målvärde (antal)').fill('55');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expectResult('Målet är ändrat.');
    await expect.poll(async () => (await cellsOf(goals, /Minst 40 deltagare/))[2]).toBe('55');

    // By keyboard: Escape cancels and gives the focus back; Tab reaches the confirmation.
    const remove = page.getByRole('button', { name: 'Ta bort målet Skriftligt underlag' });
    const confirm = page.getByRole('alertdialog', { name: 'Ta bort målet?' });
    // The closed dialog gives the focus back to its button a moment later, and the table may
    // render once more with the goals' results: until the confirmation opens, the focus is put on
    // the button again (closing the edit dialog if the Enter reached its button instead).
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => {
      if (await confirm.isVisible()) return true;
      if (await dialog.isVisible()) await page.keyboard.press('Escape');
      await remove.focus();
      await page.keyboard.press('Enter');
      return confirm.isVisible();
    }).toBe(true);
    await expect.poll(() => confirm.textContent()).toContain('Skriftligt underlag');
    await expectAccessible(page, 'remove goal confirmation');
    await page.keyboard.press('Escape');
    await expect.poll(() => remove.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await goals.getByRole('row', { name: /Skriftligt underlag/ }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ta bort målet');
    await page.keyboard.press('Enter');
    await expectResult('Målet är borttaget.');
    await expect.poll(() => goals.getByRole('row', { name: /Skriftligt underlag/ }).count()).toBe(0);
  });

  test('the lead enters a budget line and the granted funds, and sees budget against actual', async () => {
    const year = new Date().getUTCFullYear();
    await page.getByRole('button', { name: `Budget och beviljade medel ${year}` }).click();
    const dialog = page.getByRole('dialog', { name: `Budget och beviljade medel ${year}` });
    expect(await dialog.getByLabel(/^Lönekostnader/).inputValue()).toBe('300000');
    await dialog.getByLabel(/^Lokalkostnader/).fill('mycket');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Ange ett belopp i kronor');
    await expectAccessible(page, 'budget dialog with an error');
    await dialog.getByLabel(/^Lokalkostnader/).fill('120000');
    await dialog.getByLabel(/^Beviljade medel/).fill('650000');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expectResult(`Budgeten för ${year} är sparad.`);
    const budget = page.getByRole('table', { name: `Budget och utfall ${year}` });
    await expect.poll(() => budget.getByRole('row', { name: /Lokalkostnader/ }).count()).toBe(1);
    const [budgeted, actual, left] = (await cellsOf(budget, /Lokalkostnader/)).map(numberIn);
    expect(budgeted).toBe(120000);
    expect(left).toBe(budgeted - actual);
    expect(numberIn((await cellsOf(budget, /Totalt/))[0])).toBe(420000);
    expect(await page.locator('dt', { hasText: /^Beviljade medel$/ }).locator('xpath=following-sibling::dd[1]').textContent()).toMatch(/^650\s000 kr$/);
    await expectAccessible(page, 'goals and budget, budget entered in the browser');
  });

  test('the key figures download as an Excel workbook', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner Excel-arbetsbok (XLSX)' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(file.suggestedFilename()).toMatch(/^nyckeltal-.*\.xlsx$/);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const texts = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []).map(String)));
    expect(texts.some((text) => /KOMMUNINSATS|Kommuninsats/i.test(text))).toBe(true);
  });

  test('a case worker of the intervention sees goals and budget but no editing control', async () => {
    const other = await newPage(browser);
    await login(other.page, baseUrl, users.caseWorker, password);
    await other.page.goto(url);
    await expect.poll(() => other.page.getByRole('table', { name: 'Mål' }).getByRole('row').count()).toBeGreaterThan(1);
    for (const name of ['Lägg till mål', /^Ändra/, /^Ta bort/, /^Budget och beviljade medel/]) {
      expect(await other.page.getByRole('button', { name }).count()).toBe(0);
    }
    await expectAccessible(other.page, 'goals and budget, read only');
    await other.context.close();
  });
});
