// The main screens on the demo data (as `npm start` shows them), at 1280 px and on a phone
// (390 px, and 360 px for overflow): screenshots to test-results/screenshots, an axe scan of each.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { desktop, expectAccessible, heading, launch, login, newPage, phone, screenshot } from './support/browser.js';

const baseUrl = inject('demoUrl');
let browser: Browser;

const demo = {
  caseWorker: ['handlaggare@demo.stegvis.se', 'handlaggare-demo-1'],
  lead: ['insatsansvarig@demo.stegvis.se', 'insatsansvarig-demo-1'],
  association: ['forbund@demo.stegvis.se', 'forbundet-demo-1'],
  orgAdmin: ['orgadmin@demo.stegvis.se', 'orgadmin-demo-1'],
} as const;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** No horizontal scrolling of the page itself: wide tables scroll inside their own region. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

async function visit(page: Page, path: string, name: string) {
  await page.goto(`${baseUrl}${path}`);
  await heading(page).waitFor();
  await screenshot(page, name);
  await expectAccessible(page, `${name} at ${page.viewportSize()?.width} px`);
  expect(await fitsWidth(page), `${name} fits ${page.viewportSize()?.width} px`).toBe(true);
}

for (const viewport of [desktop, phone]) {
  describe(`main screens at ${viewport.width} px`, () => {
    test('login', async () => {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(`${baseUrl}/logga-in`);
      await heading(page).waitFor();
      await screenshot(page, 'login');
      await expectAccessible(page, 'login');
      await context.close();
    });

    test('case worker', async () => {
      const { context, page } = await newPage(browser, viewport);
      await login(page, baseUrl, ...demo.caseWorker);
      await visit(page, '/', 'start-case-worker');
      await visit(page, '/deltagare', 'participants');
      const first = page.getByRole('table').getByRole('link').first();
      const href = await first.getAttribute('href');
      await visit(page, href!, 'participant');
      await visit(page, '/deltagare/ny', 'enrol');
      await context.close();
    });

    test('intervention lead', async () => {
      const { context, page } = await newPage(browser, viewport);
      await login(page, baseUrl, ...demo.lead);
      await visit(page, '/', 'start-lead');
      await page.getByRole('main').getByRole('link').first().click();
      await heading(page).waitFor();
      await visit(page, new URL(page.url()).pathname, 'intervention');
      await context.close();
    });

    test('förbund report with chart', async () => {
      const { context, page } = await newPage(browser, viewport);
      await login(page, baseUrl, ...demo.association);
      await visit(page, '/', 'start-association');
      await page.goto(`${baseUrl}/rapporter`);
      await page.getByRole('button', { name: 'Visa rapporten' }).click();
      await page.getByRole('img', { name: /Stapeldiagram/ }).waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, 'report');
      await expectAccessible(page, 'report with chart');
      expect(await fitsWidth(page)).toBe(true);
      await context.close();
    });

    test('users and assignments', async () => {
      const { context, page } = await newPage(browser, viewport);
      await login(page, baseUrl, ...demo.orgAdmin);
      await visit(page, '/admin/anvandare', 'users');
      await context.close();
    });
  });
}

test('at 360 px the menu opens from a button and every page still fits', async () => {
  const { context, page } = await newPage(browser, { width: 360, height: 740 });
  await login(page, baseUrl, ...demo.caseWorker);
  expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Meny' }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utfallsrapport' }).click();
  await heading(page).waitFor();
  expect(await fitsWidth(page)).toBe(true);
  await expectAccessible(page, 'report form at 360 px');
  await context.close();
});
