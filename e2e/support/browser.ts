import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

/** Debian's Chromium (installed by .ci/run); playwright never downloads a browser here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = path.resolve('test-results/screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=sv-SE'] });
}

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

/** A fresh context (no cookies) in Swedish; axe needs a context made with newContext. */
export async function newPage(browser: Browser, viewport = desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => {
    throw error;
  });
  return { context, page };
}

export type BrowserSession = {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Closes this test's context and opens a fresh one (another user, no cookies); returns its page. */
  fresh(): Promise<Page>;
};

/**
 * A spec's usual set-up: one Chromium for the file (or describe block) and a fresh context per
 * test. Call it at the top; its fields are there once its hooks have run, in the spec's own
 * beforeEach too (`page = session.page`).
 */
export function browserPerTest(viewport = desktop): BrowserSession {
  let browser: Browser | undefined;
  let opened: { context: BrowserContext; page: Page } | undefined;
  const current = () => {
    if (!opened) throw new Error('browserPerTest: used outside a test');
    return opened;
  };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    opened = await newPage(browser!, viewport);
  });
  afterEach(async () => {
    await opened?.context.close();
    opened = undefined;
  });
  return {
    get browser() {
      return browser!;
    },
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    async fresh() {
      await current().context.close();
      opened = await newPage(browser!, viewport);
      return opened.page;
    },
  };
}

export async function login(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** WCAG 2.1 A and AA with axe: every page, in every state the journey puts it in, has no violations. */
export async function expectAccessible(page: Page, state: string) {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(violations, `axe on ${state}`).toEqual([]);
}

/** Saves a full-page screenshot as test-results/screenshots/<name>-<width>.png. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}.png`), fullPage: true });
}

/**
 * Picks an option in a React Aria Select, found by its label (the button's name is the current
 * value followed by the label, which may end in "(frivilligt)").
 */
export async function choose(page: Page, label: string, option: string | RegExp) {
  const name = new RegExp(`(^| )${escape(label)}( \\(frivilligt\\))?$`);
  await page.locator('.select-button').and(page.getByRole('button', { name })).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Ticks a checkbox or radio button by clicking its label, as a pointer user does. */
export async function tick(page: Page, role: 'checkbox' | 'radio', name: string | RegExp) {
  await page.locator('label', { has: page.getByRole(role, { name }) }).click();
}

export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The h1 of the page. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** A write through the API as the logged-in user of the page (its session cookie and CSRF token); the answer's status and body. */
export async function apiWrite(page: Page, method: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}
