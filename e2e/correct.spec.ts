// Correct and undo, with history; data quality at the door (issue 9, items 1 and 2). A case worker
// of the whole intervention: a start after today and a second open enrolment are refused at the
// field in plain Swedish; an exit date is corrected and the exit undone, and the history shows
// both. Every state is scanned with axe.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, expectAccessible, heading, launch, login, newPage } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
let browser: Browser;
let page: Page;
let participantUrl: string;

/** A Luhn-valid personnummer no other journey uses. */
function personnummer(serial: string): string {
  const base = `850315${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(base[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `19${base.slice(0, 6)}-${base.slice(6)}${(10 - (sum % 10)) % 10}`;
}
const pnr = personnummer('472');

const stockholmToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const tomorrow = () => new Date(Date.parse(`${stockholmToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  await login(page, baseUrl, users.caseWorker, password);
});
afterAll(async () => browser?.close());

async function fillEnrolment(startDate: string) {
  await page.goto(`${baseUrl}/deltagare/ny`);
  await expect.poll(() => heading(page).textContent()).toBe('Skriv in deltagare');
  await choose(page, 'Kön', 'Man');
  await page.getByLabel('Startdatum', { exact: true }).fill(startDate);
  await page.getByRole('textbox', { name: 'Personnummer' }).fill(pnr);
  await page.getByRole('textbox', { name: 'Förnamn (frivilligt)' }).fill('Rätt');
  await page.getByRole('textbox', { name: 'Efternamn (frivilligt)' }).fill('Rättelsesson');
  await page.getByLabel('Datum för samtycket', { exact: true }).fill('2025-02-03');
  await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
}

const historyRows = () => page.getByRole('region', { name: 'Historik' }).getByRole('row');

describe('correct and undo, with history; data quality at the door', () => {
  test('refuses a start after today, saying a planned start is something else', async () => {
    await fillEnrolment(tomorrow());
    const message = page.getByText(/^Startdatum kan inte vara efter i dag\. En planerad start är inte en inskrivning/);
    await expect.poll(() => message.count()).toBe(1);
    expect(await page.getByLabel('Startdatum', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'enrol, start after today');
  });

  test('enrols, then refuses a second open enrolment of the same person, naming the date', async () => {
    await fillEnrolment('2025-02-03');
    await expect.poll(() => heading(page).textContent()).toBe('Deltagare: Rätt Rättelsesson');
    participantUrl = page.url();
    await fillEnrolment('2025-04-01');
    await expect.poll(() => page.getByText('Personen är redan inskriven sedan 2025-02-03').count()).toBe(1);
    expect(await page.getByLabel('Startdatum', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'enrol, already enrolled');
  });

  test('exits, then corrects the exit date; the history shows old → new', async () => {
    await page.goto(participantUrl);
    await expect.poll(() => page.getByText('Inskrivningen har inte ändrats.').count()).toBe(1);
    await expectAccessible(page, 'participant, no history');
    await page.getByRole('link', { name: 'Avsluta deltagandet' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Avsluta deltagandet');
    await page.getByLabel('Avslutsdatum', { exact: true }).fill('2025-06-30');
    await choose(page, 'Avslutsorsak', 'Arbete');
    await page.getByRole('button', { name: 'Avsluta deltagandet' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Deltagare: Rätt Rättelsesson');

    await page.getByRole('button', { name: 'Ändra avslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra avslut' });
    await dialog.waitFor();
    await expectAccessible(page, 'participant, correct exit dialog');
    // A future date is refused at the field, and nothing changes.
    await dialog.getByLabel('Avslutsdatum', { exact: true }).fill(tomorrow());
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.getByText('Avslutsdatum kan inte vara efter i dag. Registrera avslutet när det har skett.').count()).toBe(1);
    await expectAccessible(page, 'participant, correct exit dialog, future date');

    await dialog.getByLabel('Avslutsdatum', { exact: true }).fill('2025-07-31');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByText('Ändringen är sparad och syns i historiken.').count()).toBe(1);
    // The result message has the focus once the dialog has closed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Ändringen är sparad');
    await expect.poll(() => historyRows().count()).toBe(3); // header, correction, exit
    const latest = await historyRows().nth(1).textContent();
    expect(latest).toContain('Ändring');
    expect(latest).toContain('Avslutsdatum: 2025-06-30 → 2025-07-31');
    expect(latest).toContain('Org KOMMUN');
    await expectAccessible(page, 'participant, exit corrected');
  });

  test('undoes the exit after a confirmation; the history keeps what it was', async () => {
    await page.getByRole('button', { name: 'Ångra avslut' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Ångra avslutet?' });
    await confirm.waitFor();
    await expectAccessible(page, 'participant, reopen confirmation');
    await confirm.getByRole('button', { name: 'Ja, ångra avslutet' }).click();
    await expect.poll(() => page.getByText('Avslutet är ångrat. Deltagaren är aktiv igen.').count()).toBe(1);
    await expect.poll(() => page.getByText('Deltagaren är aktiv i insatsen.').count()).toBe(1);
    await expect.poll(() => historyRows().count()).toBe(4);
    const latest = await historyRows().nth(1).textContent();
    expect(latest).toContain('Avslutet ångrat');
    expect(latest).toContain('Avslutsdatum: 2025-07-31 → tomt');
    expect(latest).toContain('Avslutsorsak: Arbete → tomt');
    expect(await page.getByRole('link', { name: 'Avsluta deltagandet' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Ångra avslut' }).count()).toBe(0);
    await expectAccessible(page, 'participant, exit undone');
  });
});
