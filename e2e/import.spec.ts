// CSV import: choose a file, check it first (every row error in a table), then import with a
// progress bar and a summary (POST /api/v1/imports/enrolments?dryRun=true|false).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, heading, launch, login, newPage } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');

let browser: Browser;
let page: Page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-e2e-import-'));

const header = 'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after';
const file = (name: string, rows: string[]) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, `${header}\n${rows.join('\n')}\n`);
  return p;
};
const good = file('bra.csv', [
  'KOMMUNINSATS,,IMP-1,,Ida,Import,woman,1995,nej,ja,nej,2026-02-01,,,,,,,,',
  'KOMMUNINSATS,,,,,,man,1980,ja,nej,nej,2026-02-02,,,,,,,,',
]);
const bad = file('fel.csv', [
  'KOMMUNINSATS,,IMP-2,,Bo,Fel,okänt,1995,nej,ja,nej,2026-13-01,,,,,,,,',
  'FINNS-INTE,,IMP-3,,,,man,1980,nej,ja,nej,2026-02-02,,,,,,,,',
]);

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  await login(page, baseUrl, users.caseWorker, password);
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('import', () => {
  test('the page explains the file and offers only what the user may import', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Import' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Importera från fil');
    expect(await page.getByRole('radio').count()).toBe(1);
    await expectAccessible(page, 'import, empty');
  });

  test('a bad file is rejected with every row error in a table', async () => {
    await page.getByLabel('CSV-fil').setInputFiles(bad);
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Filen har \d+ fel/ }).count()).toBe(1);
    const rows = page.getByRole('region', { name: /Filen har \d+ fel/ }).getByRole('row');
    expect(await rows.count()).toBeGreaterThan(2);
    expect(await page.getByRole('button', { name: 'Importera' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'import, errors');
  });

  test('a good file is checked, then imported with a summary', async () => {
    await page.getByLabel('CSV-fil').setInputFiles(good);
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await expect.poll(() => page.getByText('Filen är korrekt: 2 rader kan importeras.').count()).toBe(1);
    await page.getByRole('button', { name: 'Importera' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Importen är klar' }).count()).toBe(1);
    const summary = await page.getByRole('region', { name: 'Importen är klar' }).textContent();
    expect(summary).toMatch(/Nya\s*1/);
    expect(summary).toMatch(/Anonyma registreringar\s*1/);
    await expectAccessible(page, 'import, done');
  });
});
