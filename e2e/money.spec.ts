// Money on Mål och budget (issue 12): the lead chooses a year of the project period by keyboard
// (it lands in the address), types a month's costs with Swedish messages at the fields and sees
// budget against actual change, removes the month after a confirmation, imports a finance
// system's cost file that is refused with its error listed and then a good one, and changes the
// follow-up method and the year's administrative costs. The förbund's dashboard offers the
// months as well as the year and tertials (which forbund.spec.ts chooses). Every state is
// scanned with axe; the page is photographed at 1280 and 400 px.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiWrite, expectAccessible, heading, launch, login, newPage, screenshot, tick } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
const year = 2023;
let browser: Browser;
let page: Page;
let id = '';

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  await login(page, baseUrl, users.lead, password);
  id = await page.evaluate(async () => (await (await fetch('/api/v1/interventions')).json()).items.find((i: { code: string }) => i.code === 'KOMMUNINSATS').id);
  const budget = await apiWrite(page, 'PUT', `/api/v1/interventions/${id}/budget/${year}`, { grant: 400000, lines: { salaries: 120000, travel: 10000 } });
  expect(budget.status).toBe(200);
});
afterAll(async () => browser?.close());

/** "12 500,5 kr", "−1 200 kr" as a number. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[\s\u00a0]|kr/g, '').replace('−', '-').replace(',', '.'));
const costs = () => page.getByRole('table', { name: `Kostnader per månad ${year}` });
/** The cells of the monthly table's row (a month, Summa, Budget, Kvar av budget) as numbers, '–' as null. */
async function rowOf(name: string) {
  // A month's row is named by its button ("Ändra kostnaderna för mars 2023").
  const cells = await costs().getByRole('row', { name: new RegExp(`^(Ändra kostnaderna för )?${name}`) }).locator('td').allTextContents();
  return cells.map((c) => (c.trim() === '–' ? null : numberIn(c)));
}
/** Columns: the categories with a budget or a cost in the year (here Lönekostnader, Resekostnader), Totalt. */
const SALARIES = 0;
const TRAVEL = 1;
const TOTAL = 2;

async function expectResult(message: string) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(message);
}

describe('money on Mål och budget', () => {
  test('the lead chooses a year of the project period by keyboard, and it lands in the address', async () => {
    await page.goto(`${baseUrl}/insatser/${id}/mal-och-budget`);
    await expect.poll(() => heading(page).textContent()).toBe('Mål och budget: Insats KOMMUNINSATS');
    const select = page.locator('.select-button').and(page.getByRole('button', { name: /År$/ }));
    await select.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('Home');
    for (let n = 2020; n < year; n++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => select.textContent()).toContain(String(year));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Visa året');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('ar')).toBe(String(year));
    await expect.poll(() => costs().getByRole('row').count()).toBe(1 + 12 + 3);
    expect((await costs().getByRole('columnheader').allTextContents()).map((h) => h.replace(/\u00ad/g, ''))).toEqual(['Månad', 'Lönekostnader', 'Resekostnader', 'Totalt']);
    expect(await page.getByRole('table', { name: `Budget och utfall ${year}` }).count()).toBe(1);
    const budgeted = await rowOf('Budget');
    expect([budgeted[SALARIES], budgeted[TRAVEL], budgeted[TOTAL]]).toEqual([120000, 10000, 130000]);
    await expectAccessible(page, 'goals and budget of a chosen year');

    // The address alone opens the year (a link someone shares).
    await page.goto(`${baseUrl}/insatser/${id}/mal-och-budget?ar=${year}`);
    await expect.poll(() => costs().count()).toBe(1);
  });

  test("the lead types a month's costs, with Swedish messages at the fields, and sees budget against actual change", async () => {
    const before = await rowOf('Summa');
    await page.getByRole('button', { name: `Ändra kostnaderna för mars ${year}` }).click();
    const dialog = page.getByRole('dialog', { name: `Kostnader för mars ${year}` });
    await dialog.getByLabel(/^Lönekostnader/).fill('mycket');
    await dialog.getByLabel(/^Resekostnader/).fill('12,345');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Ange ett belopp i kronor');
    expect(await dialog.textContent()).toContain('Högst två decimaler (öre)');
    await expectAccessible(page, 'month costs dialog with errors');
    await screenshot(page, 'money-month-dialog-errors');
    await dialog.getByLabel(/^Lönekostnader/).fill('12 500,50');
    await dialog.getByLabel(/^Resekostnader/).fill('-200');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expectResult(`Kostnaderna för mars ${year} är sparade.`);

    const march = await rowOf(`mars ${year}`);
    expect(march[SALARIES]).toBe(12500.5);
    expect(march[TRAVEL]).toBe(-200);
    expect(march[TOTAL]).toBe(12300.5);
    const sum = await rowOf('Summa');
    expect(sum[SALARIES]).toBe((before[SALARIES] ?? 0) + 12500.5);
    expect(sum[TOTAL]).toBe((before[TOTAL] ?? 0) + 12300.5);
    const left = await rowOf('Kvar av budget');
    expect(left[SALARIES]).toBe(120000 - sum[SALARIES]!);
    // The budget table beside it moves the same way (whole kronor there).
    const budget = page.getByRole('table', { name: `Budget och utfall ${year}` });
    const [budgeted, actual, remaining] = (await budget.getByRole('row', { name: /Lönekostnader/ }).locator('td').allTextContents()).map(numberIn);
    expect(budgeted).toBe(120000);
    expect(actual).toBe(Math.round(sum[SALARIES]!));
    expect(remaining).toBe(Math.round(120000 - sum[SALARIES]!));
    await expectAccessible(page, 'month costs saved');

    // The dialog opens with what is stored, in Swedish format.
    await page.getByRole('button', { name: `Ändra kostnaderna för mars ${year}` }).click();
    expect(await dialog.getByLabel(/^Lönekostnader/).inputValue()).toBe('12500,5');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
  });

  test('the lead removes the month from its dialog, only after confirming it', async () => {
    const open = page.getByRole('button', { name: `Ändra kostnaderna för mars ${year}` });
    const dialog = page.getByRole('dialog', { name: `Kostnader för mars ${year}` });
    const remove = dialog.getByRole('button', { name: `Ta bort kostnaderna för mars ${year}` });
    await open.click();
    await remove.click();
    const confirm = page.getByRole('alertdialog', { name: 'Ta bort månadens kostnader?' });
    await expect.poll(() => confirm.textContent()).toMatch(/12\s300,5\skr/);
    await expectAccessible(page, 'remove month confirmation');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await rowOf(`mars ${year}`))[TOTAL]).toBe(12300.5);
    expect(await page.getByRole('button', { name: `Ta bort kostnaderna för april ${year}` }).count()).toBe(0);
    await open.click();
    await remove.click();
    await confirm.getByRole('button', { name: 'Ta bort kostnaderna' }).click();
    await expectResult(`Kostnaderna för mars ${year} är borttagna.`);
    expect((await rowOf(`mars ${year}`))[TOTAL]).toBeNull();
  });

  test("a finance system's cost file with a bad row is refused with the error listed, then a good one is imported", async () => {
    const header = 'intervention;month;cost_category;amount';
    const bad = `${header}\nKOMMUNINSATS;${year}-04;Lönekostnader;10 000\nKOMMUNINSATS;${year}-13;travel;500\n`;
    const good = `${header}\nKOMMUNINSATS;${year}-04;Lönekostnader;10 000\nKOMMUNINSATS;${year}-05;travel;500,25\n`;
    const choose = (text: string) => page.getByLabel('CSV-fil').setInputFiles({ name: 'kostnader.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    const form = page.getByRole('form', { name: 'Importera kostnader från ekonomisystemet' });

    // A file saved as Windows-1252 (ö as one byte) is named as such, before anything is sent.
    await page.getByLabel('CSV-fil').setInputFiles({ name: 'kostnader.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nKOMMUNINSATS;${year}-04;Lönekostnader;10\n`, 'latin1') });
    await form.getByRole('button', { name: 'Kontrollera filen' }).click();
    await expect.poll(() => page.getByText('Filen är inte sparad som UTF-8.', { exact: false }).count()).toBe(1);

    await choose(bad);
    await form.getByRole('button', { name: 'Kontrollera filen' }).click();
    const errors = page.getByRole('table', { name: 'Filen har 1 fel' });
    await expect.poll(() => errors.getByRole('row').count()).toBe(2);
    const [row, column, reason] = await errors.getByRole('row').nth(1).locator('td, th').allTextContents();
    expect([row, column]).toEqual(['3', 'month']);
    expect(reason).toBe('Månaden ska skrivas ÅÅÅÅ-MM, till exempel 2025-03');
    expect(await form.getByRole('button', { name: 'Importera' }).isDisabled()).toBe(true);
    expect((await rowOf(`april ${year}`))[TOTAL]).toBeNull();
    await expectAccessible(page, 'cost file refused');
    await page.getByRole('heading', { name: 'Filen har 1 fel' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/money-import-refused-1280.png' });

    await choose(good);
    await form.getByRole('button', { name: 'Kontrollera filen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Kontrollen är klar' }).count()).toBe(1);
    expect(await page.getByText('Filen är korrekt: 2 rader kan importeras.').count()).toBe(1);
    expect((await rowOf(`april ${year}`))[TOTAL]).toBeNull();
    await expectAccessible(page, 'cost file checked');
    await page.getByRole('heading', { name: 'Kontrollen är klar' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/money-import-checked-1280.png' });
    await form.getByRole('button', { name: 'Importera' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Kostnaderna är importerade' }).count()).toBe(1);
    await expect.poll(async () => (await rowOf(`april ${year}`))[SALARIES]).toBe(10000);
    expect((await rowOf(`maj ${year}`))[TRAVEL]).toBe(500.25);
    await expectAccessible(page, 'cost file imported');
  });

  test('the lead changes the follow-up method and the administrative costs for the national follow-up', async () => {
    const national = page.getByRole('region', { name: 'Nationell uppföljning' });
    const fact = (name: string | RegExp) => national.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
    expect(await fact('Uppföljningsmetod').textContent()).toBe('Stegvis');
    await national.getByRole('button', { name: 'Ändra uppföljningsmetod' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra uppföljningsmetod' });
    await tick(page, 'radio', 'SUS');
    await expectAccessible(page, 'follow-up method dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expectResult('Uppföljningsmetoden är sparad.');
    await expect.poll(() => fact('Uppföljningsmetod').textContent()).toBe('SUS');

    await page.getByRole('button', { name: `Budget och beviljade medel ${year}` }).click();
    const budget = page.getByRole('dialog', { name: `Budget och beviljade medel ${year}` });
    await budget.getByLabel(/^Administrativa kostnader/).fill('15 000');
    await budget.getByRole('button', { name: 'Spara' }).click();
    await expectResult(`Budgeten för ${year} är sparad.`);
    await expect.poll(() => fact(`Administrativa kostnader ${year}`).textContent()).toMatch(/^15\s000 kr$/);
    await expectAccessible(page, 'national follow-up changed');

    // The intervention's page shows the same method.
    await page.goto(`${baseUrl}/insatser/${id}`);
    await expect.poll(() => page.locator('dt', { hasText: /^Uppföljningsmetod$/ }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('SUS');
    expect(await page.getByRole('button', { name: 'Ändra uppföljningsmetod' }).count()).toBe(1);
    await expectAccessible(page, 'intervention page with the follow-up method');
    expect((await apiWrite(page, 'PATCH', `/api/v1/interventions/${id}`, { followUpMethod: 'stegvis' })).status).toBe(200);
  });

  test("the förbund's dashboard offers the whole year, the tertials and the twelve months", async () => {
    const reader = await newPage(browser);
    await login(reader.page, baseUrl, users.reportReader, password);
    await reader.page.goto(`${baseUrl}/forbund/oversikt`);
    await reader.page.locator('.select-button').and(reader.page.getByRole('button', { name: /Del av året$/ })).click();
    const options = await reader.page.getByRole('option').allTextContents();
    expect(options.slice(0, 4)).toEqual(['Hela året', 'Tertial 1 (januari–april)', 'Tertial 2 (maj–augusti)', 'Tertial 3 (september–december)']);
    expect(options.slice(4)).toEqual(['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December']);
    await reader.context.close();
  });

  test('the page at 1280 and 400 px, with every cost category in use', async () => {
    const all = { activities: 50000, external_services: 80000, salaries: 900000, premises: 120000, material: 15000, travel: 20000, other: 10000 };
    expect((await apiWrite(page, 'PUT', `/api/v1/interventions/${id}/budget/2024`, { grant: 1200000, lines: all })).status).toBe(200);
    for (const month of ['2024-01', '2024-02', '2024-03']) {
      const costs = Object.fromEntries(Object.entries(all).map(([c, amount]) => [c, Math.round((amount / 12) * 100) / 100]));
      expect((await apiWrite(page, 'PUT', `/api/v1/interventions/${id}/costs/${month}`, { costs })).status).toBe(200);
    }
    for (const viewport of [{ width: 1280, height: 900 }, { width: 400, height: 900 }]) {
      const other = await newPage(browser, viewport);
      await login(other.page, baseUrl, users.lead, password);
      await other.page.goto(`${baseUrl}/insatser/${id}/mal-och-budget?ar=2024`);
      await other.page.getByRole('table', { name: 'Kostnader per månad 2024' }).waitFor();
      await screenshot(other.page, 'money-goals-budget');
      await other.page.locator('section', { has: other.page.getByRole('heading', { name: 'Kostnader per månad 2024' }) })
        .screenshot({ path: `test-results/screenshots/money-month-costs-${viewport.width}.png` });
      const scrollWidth = await other.page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'no sideways scrolling of the page itself').toBeLessThanOrEqual(viewport.width);
      await other.context.close();
    }
  });
});
