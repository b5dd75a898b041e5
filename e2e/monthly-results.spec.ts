// Issue 12 item 4 (Malmökraften's bild 1–2) on the demo data: the report page shows the intervention's
// monthly result as a line chart with its table, next to a comparison chosen by keyboard, and the
// forecast of its work-or-studies goal; the months' exits to work or studies add up to the
// report's; every state is scanned with axe.
import { beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiWrite, browserPerTest, expectAccessible, login } from './support/browser.js';

const baseUrl = inject('demoUrl');
const lead = ['insatsansvarig@demo.stegvis.se', 'insatsansvarig-demo-1'] as const;
const year = new Date().getFullYear();

const session = browserPerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** The cells of the monthly table, by row. */
const monthlyRows = () =>
  page.getByRole('table', { name: /månadsresultat per månad/ }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\u00a0/g, ' ').trim())),
  );

describe('the monthly result series', () => {
  test('shows the months with a comparison and the forecast of the work-or-studies goal', async () => {
    await login(page, baseUrl, ...lead);
    const interventions = await page.evaluate(async () => (await (await fetch('/api/v1/interventions')).json()).items as { id: string; code: string }[]);
    const avanti = interventions.find((i) => i.code === 'AVANTI')!;
    const goal = { period: String(year), kind: 'work_or_studies', title: '40 % till arbete eller studier', target: 0.4 };
    expect((await apiWrite(page, 'POST', `/api/v1/interventions/${avanti.id}/goals`, goal)).status).toBe(201);

    await page.goto(`${baseUrl}/rapporter?insats=AVANTI&period=${year}`);
    await page.getByRole('heading', { name: 'Månadsresultat', level: 3 }).waitFor();
    await page.getByText(/Prognos: för att nå målet behövs ett månadsresultat på cirka \d+,\d %/).waitFor();
    await expectAccessible(page, 'monthly results with forecast');

    // The table's exits to work or studies add up to the report's count for the year.
    const rows = await monthlyRows();
    expect(rows).toHaveLength(12);
    const sum = rows.reduce((s, r) => s + Number(r[2]), 0);
    const workOrStudies = await page.evaluate(async (y) => (await (await fetch(`/api/v1/reports/outcomes?intervention=AVANTI&from=${y}-01-01&to=${y}-12-31`)).json()).work_or_studies.total.count, year);
    expect(sum).toBe(workOrStudies);

    // The comparison picked by keyboard: same months last year, as a second line and more columns.
    await page.locator('.select-button').and(page.getByRole('button', { name: /Jämför med$/ })).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Samma månader förra året' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('columnheader', { name: 'Förra året: månadsresultat' }).waitFor();
    expect((await monthlyRows())[0]).toHaveLength(7);

    // The chart's own table alternative.
    await page.getByRole('button', { name: 'Visa diagrammet som tabell' }).last().click();
    await page.getByRole('table', { name: 'Månadsresultat per månad', exact: true }).waitFor();
    await expectAccessible(page, 'monthly results compared with last year, chart as table');
  });
});
