// The log reviewer's workplace (loggkontroll) on the demo data: a case worker opens a participant,
// then the log reviewer of the controlling organisation finds every access to that personnummer,
// exports it as CSV (read back row by row) and PDF, takes out the subject-access answer, reviews a
// user's accesses and draws the random sample. Axe on every state; the search works by keyboard.
import fs from 'node:fs';
import { beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, choose, expectAccessible, heading, login, tick } from './support/browser.js';
import { generateDemoData } from '../src/server/demo/generate.js';

const baseUrl = inject('demoUrl');
const demo = {
  caseWorker: ['handlaggare@demo.stegvis.se', 'handlaggare-demo-1'],
  logReviewer: ['loggranskare@demo.stegvis.se', 'loggranskare-demo-1'],
} as const;

// A participant of Demo stad (Avanti is its intervention) with identity, still active: the demo
// data is generated the same way the server seeded it.
const participant = generateDemoData().enrolments.find(
  (r) => r.intervention === 'AVANTI' && r.personnummer && r.anonymous === 'nej' && r.protected_identity === 'nej' && !r.exit_date,
)!;
const fullName = `${participant.first_name} ${participant.last_name}`;

const session = browserPerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** Parses the CSV the server wrote (comma, quotes doubled, one record a line). */
function parseCsv(text: string): string[][] {
  // The file for people: a byte order mark and semicolons, as Swedish Excel reads it.
  return text.replace(/^\uFEFF/, '').trimEnd().split('\n').map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ';') {
        cells.push(cell);
        cell = '';
      }
      else cell += c;
    }
    cells.push(cell);
    return cells;
  });
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: fs.readFileSync(path!) };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('log reviewer (loggkontroll)', () => {
  test('a case worker opens a participant; the reviewer finds every access to the personnummer and exports it', async () => {
    // The access to review: the case worker of Demo stad searches the participant and opens the record.
    await login(page, baseUrl, demo.caseWorker[0], demo.caseWorker[1]);
    await page.goto(`${baseUrl}/deltagare`);
    await page.getByRole('searchbox').fill(participant.personnummer);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByRole('link', { name: fullName }).click();
    await expect.poll(() => heading(page).textContent()).toContain(participant.first_name);
    page = await session.fresh();

    await login(page, baseUrl, demo.logReviewer[0], demo.logReviewer[1]);
    await expectAccessible(page, 'log reviewer start');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Loggkontroll' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Loggkontroll');
    await expectAccessible(page, 'log review, empty');

    // Bad input: a clear message at the field, nothing sent.
    const query = page.getByRole('searchbox', { name: 'Personnummer eller namn' });
    await page.getByRole('button', { name: 'Sök åtkomster' }).click();
    await expect.poll(() => page.getByText('Skriv ett personnummer eller minst två tecken av ett namn').count()).toBe(1);
    await expectAccessible(page, 'log review, field error');

    // Keyboard only: type the personnummer and press Enter; focus lands on the result summary.
    await query.fill(participant.personnummer.replace('-', ''));
    await query.press('Enter');
    const summary = page.getByRole('heading', { level: 3, name: new RegExp(`åtkomst(er)? till ${fullName}, ${participant.personnummer}$`) });
    await summary.waitFor();
    await expect.poll(() => focusedId(page)).toBe('review-summary');
    const total = Number((await summary.textContent())!.split(' ')[0]);
    expect(total).toBeGreaterThanOrEqual(3);
    const table = page.getByRole('table', { name: `Åtkomster: ${fullName}, ${participant.personnummer}` });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Tidpunkt', 'Vem', 'Organisation', 'Roll', 'Vad', 'Vem gällde det', 'Varför (ändamål)', 'Utfall']);
    // The import that registered the person, the case worker's search and read: every access is there.
    const rows = await table.getByRole('row').allTextContents();
    expect(rows).toHaveLength(total + 1);
    expect(rows.some((r) => r.includes('Systemet') && r.includes('Registrering'))).toBe(true);
    expect(rows.some((r) => r.includes('Hanna Handläggare') && r.includes('Sökning'))).toBe(true);
    expect(rows.some((r) => r.includes('Hanna Handläggare') && r.includes('Läsning') && r.includes('Handläggare') && r.includes('Tillåten'))).toBe(true);
    await expectAccessible(page, 'log review, accesses to one person');

    // CSV: the same accesses, and this review itself (the list was audited before the export).
    const csv = await download(page, () => page.getByRole('button', { name: 'Ladda ner CSV' }).click());
    expect(csv.name).toMatch(/^loggkontroll-personatkomster-start--nu\.csv$/);
    const [header, ...records] = parseCsv(csv.body.toString('utf8'));
    expect(header).toEqual(['Tidpunkt (UTC)', 'Användare', 'E-post', 'Organisation', 'Roll', 'Åtgärd', 'Uppgift', 'Person-id', 'Namn', 'Deltagarreferens', 'Skyddade personuppgifter', 'Inskrivnings-id', 'Ändamål', 'Utfall', 'Begäran-id']);
    expect(records.length).toBeGreaterThanOrEqual(total);
    const col = (name: string) => header.indexOf(name);
    expect(records.every((r) => r[col('Namn')] === fullName)).toBe(true);
    expect(records.some((r) => r[col('Användare')] === 'Hanna Handläggare' && r[col('Åtgärd')] === 'Läsning' && r[col('Utfall')] === 'Tillåten')).toBe(true);
    expect(records.some((r) => r[col('Användare')] === 'Lena Loggsson' && r[col('Åtgärd')] === 'Loggkontroll')).toBe(true);
    await expectAccessible(page, 'log review, after CSV');

    const pdf = await download(page, () => page.getByRole('button', { name: 'Ladda ner PDF' }).click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    // The subject-access answer from the same place.
    const extract = await download(page, () => page.getByRole('link', { name: 'Registerutdrag (PDF)' }).click());
    expect(extract.name).toMatch(/^registerutdrag-\d{4}-\d\d-\d\d\.pdf$/);
    expect(extract.body.subarray(0, 5).toString()).toBe('%PDF-');

    // A period before the person was registered: nothing, said in words.
    await page.getByRole('textbox', { name: 'Till och med (frivilligt)' }).fill('2000-01-31');
    await page.getByRole('textbox', { name: 'Från och med (frivilligt)' }).fill('2000-01-01');
    await page.getByRole('button', { name: 'Sök åtkomster' }).click();
    await expect.poll(() => page.getByText('Inga åtkomster under perioden.').count()).toBe(1);
    await expect.poll(() => page.getByText('Period: 2000-01-01 – 2000-01-31').count()).toBe(1);
    await expectAccessible(page, 'log review, empty period');
  });

  test('finds persons by name, reviews a user, and draws the random sample', async () => {
    await login(page, baseUrl, demo.logReviewer[0], demo.logReviewer[1]);
    await page.goto(`${baseUrl}/loggkontroll`);
    await heading(page).waitFor();

    // A name that matches no one in the own register.
    const query = page.getByRole('searchbox', { name: 'Personnummer eller namn' });
    await query.fill('Ingen Sådan Person');
    await page.getByRole('button', { name: 'Sök åtkomster' }).click();
    await expect.poll(() => page.getByText(/Ingen person i din organisations register matchar/).count()).toBe(1);
    await expectAccessible(page, 'log review, no person');

    // By name: a list of persons to choose from when several match, or the one person at once.
    await query.fill(fullName.toLowerCase());
    await page.getByRole('button', { name: 'Sök åtkomster' }).click();
    const choice = page.getByRole('button', { name: `Visa åtkomster till ${fullName}, ${participant.personnummer}` });
    await expect.poll(async () => (await choice.count()) + (await page.getByRole('heading', { level: 3 }).count())).toBeGreaterThan(0);
    if ((await choice.count()) > 0) {
      await expectAccessible(page, 'log review, persons found');
      await choice.click();
    }
    await page.getByRole('heading', { level: 3, name: new RegExp(`till ${fullName}`) }).waitFor();

    // A user's accesses.
    await tick(page, 'radio', 'Åtkomster som en användare har gjort');
    await choose(page, 'Användare', /^Hanna Handläggare/);
    await page.getByRole('button', { name: 'Sök åtkomster' }).click();
    const userSummary = page.getByRole('heading', { level: 3, name: /åtkomst(er)? av Hanna Handläggare/ });
    await userSummary.waitFor();
    await expect.poll(() => focusedId(page)).toBe('review-summary');
    await expectAccessible(page, 'log review, a user');

    // The random sample of the last month, with its own table and export.
    await page.getByRole('textbox', { name: 'Antal åtkomster' }).fill('5');
    await page.getByRole('button', { name: 'Dra stickprov' }).click();
    const sampleSummary = page.getByRole('heading', { level: 3, name: /^Stickprov: \d+ av \d+ åtkomster$/ });
    await sampleSummary.waitFor();
    await expect.poll(() => focusedId(page)).toBe('sample-summary');
    expect(await page.getByRole('table', { name: 'Åtkomster i stickprovet' }).getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'log review, sample');
    const sample = await download(page, () => page.getByRole('region', { name: /Stickprov: / }).getByRole('button', { name: 'Ladda ner CSV' }).click());
    expect(parseCsv(sample.body.toString('utf8')).length).toBeGreaterThan(1);

    // A sample without dates is refused at the fields.
    await page.getByRole('textbox', { name: 'Till och med', exact: true }).fill('');
    await page.getByRole('button', { name: 'Dra stickprov' }).click();
    await expect.poll(() => page.getByText('Ange ett datum (ÅÅÅÅ-MM-DD)').count()).toBe(1);
    await expectAccessible(page, 'log review, sample error');
  });
});
