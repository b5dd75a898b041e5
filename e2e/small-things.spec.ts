// Issue 9 item 9, the small things the user test found: the phone menu closes on Escape, the
// interventions table fits 1280 px and its dates never wrap, removing a consent party is confirmed
// first and the result (with the date) gets focus when the dialog has closed.
import { beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, choose, expectAccessible, heading, login, phone, tick } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
let page: Page;

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

describe('on a phone', () => {
  const session = browserPerTest(phone);
  beforeEach(() => {
    page = session.page;
  });

  test('the menu closes on Escape and focus goes back to its button', async () => {
    await login(page, baseUrl, users.caseWorker, password);
    const toggle = page.getByRole('button', { name: 'Meny' });
    await toggle.click();
    await expect.poll(() => page.getByRole('button', { name: 'Stäng menyn' }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'phone, menu open');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Meny' }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Meny');
  });
});

describe('at 1280 px', () => {
  const session = browserPerTest();
  beforeEach(() => {
    page = session.page;
  });

  test('the interventions table fits without scrolling and no date wraps', async () => {
    await login(page, baseUrl, users.systemAdmin, password);
    await page.goto(`${baseUrl}/insatser`);
    await page.getByRole('table').waitFor();
    const fit = await page.locator('.table-wrap').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    const lines = await page.locator('table .date').evaluateAll((els) => els.map((el) => el.getClientRects().length));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((n) => n === 1)).toBe(true);
    await expectAccessible(page, 'interventions at 1280');
  });

  test('removing a consent party asks first, then says when, with focus on the answer', async () => {
    await login(page, baseUrl, users.caseWorker, password);
    await page.goto(`${baseUrl}/deltagare/ny`);
    await expect.poll(() => heading(page).textContent()).toBe('Skriv in deltagare');
    await choose(page, 'Kön', 'Man');
    await page.getByLabel('Startdatum', { exact: true }).fill('2026-02-02');
    await page.getByRole('textbox', { name: 'Personnummer' }).fill('19850505-1238');
    await page.getByRole('textbox', { name: 'Förnamn (frivilligt)' }).fill('Bo');
    await page.getByRole('textbox', { name: 'Efternamn (frivilligt)' }).fill('Småsak');
    await page.getByLabel('Datum för samtycket', { exact: true }).fill('2026-02-02');
    await tick(page, 'checkbox', 'Org AF');
    await tick(page, 'checkbox', 'Försörjningsstöd (ekonomiskt bistånd)');
    await choose(page, 'Sysselsättning före start', 'Ingen sysselsättning');
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Deltagare: Bo Småsak');

    const consent = page.getByRole('region', { name: 'Samtycke' });
    await consent.getByRole('button', { name: 'Ta bort Org AF ur samtycket' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Ta bort Org AF ur samtycket?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(today);
    await expectAccessible(page, 'remove party, confirm');
    // Cancel changes nothing.
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    expect(await consent.getByText('Org AF').count()).toBe(1);

    await consent.getByRole('button', { name: 'Ta bort Org AF ur samtycket' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, ta bort parten' }).click();
    const done = `Org AF togs bort ur samtycket ${today}.`;
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(done);
    await expect.poll(() => consent.getByRole('listitem').filter({ hasText: 'Org AF' }).count()).toBe(0);
    await expectAccessible(page, 'party removed');
  });

  test('an org admin is offered only the roles it can grant', async () => {
    await login(page, baseUrl, users.orgAdmin, password);
    await page.goto(`${baseUrl}/admin/anvandare`);
    await page.getByRole('row').filter({ hasText: 'utan-roll@kommun.test' }).getByRole('button', { name: 'Uppdrag' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('.select-button').and(dialog.getByRole('button', { name: /(^| )Roll$/ })).click();
    const options = await page.getByRole('option').allTextContents();
    expect(options.sort()).toEqual(['Handläggare', 'Insatsansvarig', 'Logggranskare', 'Organisationsadministratör']);
    await expectAccessible(page, 'assignment roles of an org admin');
  });
});
