// Enrolment and exit with the keyboard only: Tab, Shift+Tab, arrows, Space and Enter; no clicks.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { heading, launch, newPage } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
let browser: Browser;
let page: Page;

/** The accessible name of the focused element, the way a screen reader would announce it. */
const focusedName = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const byIds = (ids: string | null) => (ids ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const name = el.getAttribute('aria-label') || byIds(el.getAttribute('aria-labelledby')) || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '';
    return name.replace(/\s+/g, ' ').trim();
  });

/** Presses Tab until the focused element's name matches; fails if it never does. */
async function tabTo(pattern: RegExp, max = 80, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (pattern.test(await focusedName())) return;
  }
  throw new Error(`Tab never reached ${pattern}`);
}

/** Opens a focused React Aria select with the keyboard and picks the option by typing its start. */
async function selectByKeyboard(label: RegExp, optionText: string) {
  await tabTo(label);
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await page.keyboard.type(optionText);
  await page.keyboard.press('Enter');
  await expect.poll(focusedName).toContain(optionText);
}

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
});
afterAll(async () => browser?.close());

describe('keyboard only', () => {
  test('logs in', async () => {
    await page.goto(`${baseUrl}/logga-in`);
    await tabTo(/^E-postadress/);
    await page.keyboard.type(users.caseWorker);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
  });

  test('after a page change focus is on its heading; the skip link leads to the content', async () => {
    await expect.poll(focusedName).toMatch(/^Välkommen/);
    await tabTo(/^Hoppa till innehållet$/, 20, 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  test('enrols a participant', async () => {
    await tabTo(/^Skriv in deltagare$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Skriv in deltagare');
    // "Med samtycke" is chosen; the intervention is preset (the user has one).
    await selectByKeyboard(/Kön$/, 'Man');
    await tabTo(/^Startdatum/);
    await page.keyboard.type('2026-02-01');
    await tabTo(/^Personnummer/);
    await page.keyboard.type('19850615-1235');
    await tabTo(/^Förnamn/);
    await page.keyboard.type('Karl');
    await tabTo(/^Efternamn/);
    await page.keyboard.type('Tangentsson');
    await tabTo(/^Datum för samtycket/);
    await page.keyboard.type('2026-02-01');
    await tabTo(/^Org FK$/);
    await page.keyboard.press('Space');
    await tabTo(/^Skriv in$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Deltagare: Karl Tangentsson');
  });

  test('exits the participant', async () => {
    await tabTo(/^Avsluta deltagandet$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Avsluta deltagandet');
    await tabTo(/^Avslutsdatum/);
    await page.keyboard.type('2026-04-30');
    await selectByKeyboard(/Avslutsorsak$/, 'Studier');
    await tabTo(/^Studiemedel$/);
    await page.keyboard.press('Space');
    await tabTo(/^Avsluta deltagandet$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Deltagandet är avslutat.').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Avslut' }).textContent()).toContain('Studier');
  });

  test('focus is visible on every control it reaches', async () => {
    await tabTo(/^Deltagare$/, 40, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Deltagare');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el === document.body) return true; // past the last control: focus is in the browser's own UI
        const style = getComputedStyle(el);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
      expect(outline, `focus ring on "${await focusedName()}"`).toBe(true);
    }
  });
});
