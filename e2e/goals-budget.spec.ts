// Mål och budget (issue 12): the intervention's lead opens the page from the intervention, sees
// that there are no goals yet, then a goal and a budget set through the API show with their
// fulfilment, rule, inputs and the budget table. The keyboard reaches the page; every state is
// scanned with axe.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiWrite, expectAccessible, heading, launch, login, newPage } from './support/browser.js';
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
});
