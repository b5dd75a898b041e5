// The förbund's view and the drill-down (issue 12, items 3 and 8). A case worker of the
// controller registers participants, opens Mål och budget and, by keyboard, the number of active
// participants: the list shows as many enrolments as the number said. The förbund's board member
// opens the förbund's dashboard from the start page: the interventions side by side, the "Dolt"
// explanation, a chart whose table alternative opens by keyboard, and a tertial chosen in the
// form lands in the address. Every state is scanned with axe.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, expectAccessible, heading, launch, login, newPage } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Registers participants through the API as the logged-in case worker (session cookie and CSRF token of the page). */
async function enrol(page: Page, count: number) {
  return page.evaluate(async (count) => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const interventions = (await (await fetch('/api/v1/interventions')).json()).items;
    const kommun = interventions.find((i: { code: string }) => i.code === 'KOMMUNINSATS');
    const startDate = new Date().toISOString().slice(0, 10);
    for (let n = 0; n < count; n++) {
      const body = { mode: 'consent', interventionId: kommun.id, gender: 'woman', startDate, person: { participantRef: `FORBUND-E2E-${n}`, firstName: 'Stina', lastName: `Forbund${n}` }, consent: { givenDate: startDate, method: 'written', partyIds: [] } };
      const response = await fetch('/api/v1/enrolments', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`enrolment refused: ${response.status}`);
    }
    return kommun.id as string;
  }, count);
}

describe('drill-down from the key figures', () => {
  test('the number of active participants opens the enrolments behind it, as many as it says', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, users.caseWorker, password);
    const id = await enrol(page, 6);
    await page.goto(`${baseUrl}/insatser/${id}/mal-och-budget`);
    const table = page.getByRole('table', { name: 'Nyckeltal med inskrivningarna bakom' });
    const link = table.getByRole('row', { name: /^Aktiva/ }).getByRole('link', { name: /visa inskrivningarna bakom aktiva, totalt/ });
    await link.waitFor();
    const number = Number((await link.textContent())!.replace(/\s/g, ''));
    expect(number).toBeGreaterThanOrEqual(6);
    await expectAccessible(page, 'key figures with drill-down links');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe('Inskrivningarna bakom siffran: Aktiva, totalt');
    await expect.poll(() => page.getByRole('table', { name: 'Inskrivningar' }).getByRole('row').count()).toBe(number + 1);
    expect(await page.getByText(`${number} inskrivningar`).count()).toBe(1);
    await expectAccessible(page, 'drill-down list');
  });

  test('the lead sees the same numbers without links', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, users.lead, password);
    await page.goto(`${baseUrl}/insatser`);
    await page.getByRole('link', { name: 'Insats KOMMUNINSATS' }).click();
    await page.getByRole('link', { name: 'Mål och budget' }).click();
    const table = page.getByRole('table', { name: 'Nyckeltal med inskrivningarna bakom' });
    await table.waitFor();
    expect(await table.getByRole('link').count()).toBe(0);
  });
});

describe("the förbund's dashboard", () => {
  test('the board member compares the interventions, with charts as tables, for a year and a tertial', async () => {
    const { page } = await newPage(browser);
    await login(page, baseUrl, users.reportReader, password);
    await page.getByRole('link', { name: 'Förbundets översikt' }).first().click();
    await expect.poll(() => heading(page).textContent()).toBe('Förbundets översikt');
    const table = page.getByRole('table', { name: 'Insatserna sida vid sida' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await table.getByRole('row', { name: /Insats KOMMUNINSATS/ }).count()).toBe(1);
    expect(await page.getByText(/Dolt betyder detsamma/).count()).toBe(1);
    await expectAccessible(page, 'dashboard, year');
    const showTable = page.getByRole('button', { name: 'Visa diagrammet som tabell' }).first();
    await showTable.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('table', { name: 'Resultat per insats (procent)' }).getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'dashboard, chart as a table');

    await choose(page, 'Del av året', 'Tertial 1 (januari–april)');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toMatch(/^\d{4}-T1$/);
    expect(new URL(page.url()).searchParams.get('forbund')).toBe('FORBUND');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /tertial 1/ }).count()).toBe(1);
    await expectAccessible(page, 'dashboard, tertial');

    await choose(page, 'Del av året', 'Mars');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toMatch(/^\d{4}-03$/);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /mars/ }).count()).toBe(1);
  });
});
