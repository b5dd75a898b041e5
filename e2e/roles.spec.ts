// One journey per remaining role: what each sees, what each may do, and what is hidden from it.
import { beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, choose, expectAccessible, heading, login, tick } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
const session = browserPerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const nav = () => page.getByRole('navigation', { name: 'Huvudmeny' });
const navLinks = () => nav().getByRole('link').allTextContents();

describe('intervention lead (insatsansvarig)', () => {
  test('sees figures, manages teams and the volume target, opens the report', async () => {
    await login(page, baseUrl, users.lead, password);
    await expect.poll(() => page.getByRole('heading', { name: 'Insats KOMMUNINSATS' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('progressbar', { name: /Måluppfyllelse volym/ }).count()).toBeGreaterThan(0);
    expect(await navLinks()).not.toContain('Deltagare');
    await expectAccessible(page, 'lead start');

    await page.getByRole('link', { name: 'Insats KOMMUNINSATS' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Insats KOMMUNINSATS');
    expect(await page.getByRole('link', { name: 'Skriv in deltagare' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lägg till team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till team' });
    await dialog.getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => dialog.getByText('Ange ett namn').count()).toBe(1);
    await expectAccessible(page, 'add team dialog, error');
    await dialog.getByRole('textbox', { name: 'Teamets namn' }).fill('Team C');
    await dialog.getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => page.getByText('Teamet Team C är tillagt.').count()).toBe(1);

    await page.getByRole('button', { name: 'Ändra årets volymmål' }).click();
    const target = page.getByRole('dialog');
    await target.getByRole('textbox').fill('120');
    await target.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByText('Volymmålet är sparat.').count()).toBe(1);
    await expectAccessible(page, 'intervention, lead');

    await page.getByRole('link', { name: 'Öppna utfallsrapporten' }).click();
    await tick(page, 'radio', 'Tertial');
    await choose(page, 'Tertial', 'T1 (januari–april)');
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    // The print heading repeats the period for print only (styles/print.css): count what is shown.
    await expect.poll(() => page.getByText(/Period: \d{4}-01-01 – \d{4}-04-30/).filter({ visible: true }).count()).toBe(1);
    await expectAccessible(page, 'report, tertial');
  });
});

describe('förbund (association_admin)', () => {
  test('sees the interventions of the förbund with suppressed figures only', async () => {
    await login(page, baseUrl, users.associationAdmin, password);
    await expect.poll(() => page.getByText(/Siffror under 5 visas inte/).count()).toBeGreaterThan(0);
    expect(await navLinks()).not.toContain('Deltagare');
    await expectAccessible(page, 'förbund start');
    await nav().getByRole('link', { name: 'Utfallsrapport' }).click();
    await choose(page, 'Insats eller förbund', 'Org FORBUND');
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    // A förbund's report on a cold start decides its suppression first: longer than a second under load.
    await expect.poll(() => page.getByText(/Antal från 1 till 4 visas som/).count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, 'förbund report');
    // Person data is out of reach: the participant pages answer as not found.
    await page.goto(`${baseUrl}/deltagare`);
    await expect.poll(() => page.getByText('Du har inga insatser där du är handläggare').count()).toBe(1);
  });
});

describe('organisation administrator (org_admin)', () => {
  test('creates a user and gives an assignment', async () => {
    await login(page, baseUrl, users.orgAdmin, password);
    await nav().getByRole('link', { name: 'Användare' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Användare och uppdrag');
    await expectAccessible(page, 'users, filled');
    await page.getByRole('button', { name: 'Ny användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny användare' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.getByText('Ange en giltig e-postadress').count()).toBe(1);
    await expectAccessible(page, 'new user dialog, errors');
    await dialog.getByRole('textbox', { name: 'Namn' }).fill('Nina Ny');
    await dialog.getByRole('textbox', { name: 'E-postadress' }).fill('nina@kommun.test');
    await dialog.getByLabel('Tillfälligt lösenord').fill('ett-långt-lösenord');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByText('Användaren är skapad.').count()).toBe(1);

    const row = page.getByRole('row', { name: /Nina Ny/ });
    await row.getByRole('button', { name: 'Uppdrag' }).click();
    await choose(page, 'Roll', 'Handläggare');
    await choose(page, 'Gäller', 'Insats KOMMUNINSATS');
    await expectAccessible(page, 'assignments dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => page.getByText('Uppdraget är tillagt.').count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: /Nina Ny/ }).textContent()).toContain('Handläggare');
  });
});

describe('system administrator (system_admin)', () => {
  test('adds an organisation and a code', async () => {
    await login(page, baseUrl, users.systemAdmin, password);
    await nav().getByRole('link', { name: 'Organisationer' }).click();
    await expectAccessible(page, 'organisations');
    await page.getByRole('button', { name: 'Ny organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny organisation' });
    await dialog.getByRole('textbox', { name: 'Kod' }).fill('REGION');
    await dialog.getByRole('textbox', { name: 'Namn' }).fill('Region Test');
    await choose(page, 'Typ', 'Region');
    await dialog.getByRole('textbox', { name: /Organisationsnummer/ }).fill('fel');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.getByText('Ange organisationsnummer som NNNNNN-NNNN').count()).toBe(1);
    await dialog.getByRole('textbox', { name: /Organisationsnummer/ }).fill('232100-0016');
    await tick(page, 'checkbox', 'Org FORBUND');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Region Test/ }).count()).toBe(1);

    await nav().getByRole('link', { name: 'Kodlistor' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Arbete/ }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Ny kod' }).click();
    const entry = page.getByRole('dialog', { name: 'Ny kod' });
    await entry.getByRole('textbox', { name: 'Kod' }).fill('eget_foretag');
    await entry.getByRole('textbox', { name: 'Benämning' }).fill('Eget företag');
    await choose(page, 'Grupp', 'Arbete');
    await expectAccessible(page, 'code entry dialog');
    await entry.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByText('Koden är sparad.').count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: /eget_foretag/ }).count()).toBe(1);
    await expectAccessible(page, 'code lists, filled');
  });
});

describe('report reader and log reviewer', () => {
  // The log reviewer's own workplace (Loggkontroll) has a journey of its own: e2e/log-review.spec.ts.
  for (const [role, email, links] of [
    ['report_reader', users.reportReader, ['Start', 'Insatser', 'Publicerade rapporter', 'Förbundets översikt']],
    ['log_reviewer', users.logReviewer, ['Start', 'Insatser', 'Loggkontroll']],
  ] as const) {
    test(`${role} sees interventions but no person data and no outcomes report`, async () => {
      await login(page, baseUrl, email, password);
      await expect.poll(navLinks).toEqual(links);
      await expectAccessible(page, `${role} start`);
      await nav().getByRole('link', { name: 'Insatser' }).click();
      await expect.poll(() => page.getByRole('table').count()).toBe(1);
      await page.getByRole('button', { name: 'Namn' }).click();
      expect(await page.getByRole('columnheader', { name: 'Namn' }).getAttribute('aria-sort')).toBe('descending');
      await expectAccessible(page, `${role} interventions`);
      await page.getByRole('link', { name: 'Insats KOMMUNINSATS' }).click();
      await expect.poll(() => heading(page).textContent()).toBe('Insats KOMMUNINSATS');
      expect(await page.getByRole('heading', { name: /^Utfall/ }).count()).toBe(0);
      await page.goto(`${baseUrl}/deltagare/00000000-0000-4000-8000-000000000000`);
      await expect.poll(() => heading(page).textContent()).toBe('Sidan finns inte');
      await expectAccessible(page, `${role} not found`);
    });
  }
});
