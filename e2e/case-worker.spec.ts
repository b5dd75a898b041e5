// A case worker's journey (a worker of team B, whom no other journey touches) on a fresh database: empty start page, enrolment with consent (first
// with errors), consent parties, exit, anonymous enrolment and registrations, search, report,
// session expiry and logout. Every page is scanned with axe in each state it passes through.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, tick, expectAccessible, heading, launch, login, newPage, screenshot } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  await login(page, baseUrl, users.teamBWorker, password);
});
afterAll(async () => browser?.close());

describe('case worker (handläggare)', () => {
  test('the start page says there are no participants yet', async () => {
    await expect.poll(() => heading(page).textContent()).toContain('Välkommen');
    await expect.poll(() => page.getByText('Du har inga aktiva deltagare ännu').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['Start', 'Insatser', 'Deltagare', 'Skriv in deltagare', 'Utfallsrapport']),
    );
    // No administration for a case worker.
    expect(await page.getByRole('link', { name: 'Användare' }).count()).toBe(0);
    await expectAccessible(page, 'start, empty');
  });

  test('enrolment shows field errors, then enrols with consent', async () => {
    await page.getByRole('link', { name: 'Skriv in deltagare' }).first().click();
    await expect.poll(() => heading(page).textContent()).toBe('Skriv in deltagare');
    await expectAccessible(page, 'enrol, empty');
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await expect.poll(() => page.getByText('Ange personnummer eller en egen referens').count()).toBe(1);
    await expect.poll(() => page.getByText(/Formuläret har \d+ fel/).count()).toBe(1);
    await expectAccessible(page, 'enrol, errors');

    await choose(page, 'Team', 'Team B');
    await choose(page, 'Kön', 'Kvinna');
    await page.getByRole('textbox', { name: 'Födelseår (frivilligt)' }).fill('1990');
    await page.getByLabel('Startdatum', { exact: true }).fill('2026-01-15');
    await page.getByRole('textbox', { name: 'Personnummer' }).fill('19900101-0017');
    await page.getByRole('textbox', { name: 'Förnamn (frivilligt)' }).fill('Anna');
    await page.getByRole('textbox', { name: 'Efternamn (frivilligt)' }).fill('Testsson');
    await page.getByLabel('Datum för samtycket', { exact: true }).fill('2026-01-15');
    await tick(page, 'checkbox', 'Org AF');
    await tick(page, 'checkbox', 'Försörjningsstöd (ekonomiskt bistånd)');
    await choose(page, 'Sysselsättning före start', 'Ingen sysselsättning');
    await screenshot(page, 'enrol-form');
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();

    await expect.poll(() => heading(page).textContent()).toBe('Deltagare: Anna Testsson');
    await expect.poll(() => page.getByText('Deltagaren är inskriven.').count()).toBe(1);
    await expect.poll(() => page.getByText('19900101-0017').count()).toBe(1);
    const consent = page.getByRole('region', { name: 'Samtycke' });
    expect(await consent.getByRole('listitem').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Org AF')]));
    await expectAccessible(page, 'participant, filled');
  });

  test('adds a party to the consent through a dialog', async () => {
    await page.getByRole('button', { name: 'Lägg till part i samtycket' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till part i samtycket' });
    await dialog.waitFor();
    await expectAccessible(page, 'participant, add-party dialog');
    await choose(page, 'Part', 'Org FK');
    await dialog.getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => page.getByText('Parten är tillagd i samtycket.').count()).toBe(1);
    const consent = page.getByRole('region', { name: 'Samtycke' });
    await expect.poll(() => consent.getByText('Org FK').count()).toBe(1);
  });

  test('exits the participant with reason and situation after', async () => {
    await page.getByRole('link', { name: 'Avsluta deltagandet' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Avsluta deltagandet');
    await page.getByRole('button', { name: 'Avsluta deltagandet' }).click();
    await expect.poll(() => page.getByText('Välj ett alternativ').count()).toBe(1);
    await expectAccessible(page, 'exit, errors');
    await page.getByLabel('Avslutsdatum', { exact: true }).fill('2026-03-31');
    await choose(page, 'Avslutsorsak', 'Arbete');
    await tick(page, 'checkbox', 'Lön');
    await choose(page, 'Sysselsättning efter avslut', 'Förvärvsarbete');
    await page.getByRole('textbox', { name: 'Omfattning i procent (frivilligt)' }).fill('100');
    await page.getByRole('button', { name: 'Avsluta deltagandet' }).click();
    await expect.poll(() => page.getByText('Deltagandet är avslutat.').count()).toBe(1);
    const exit = page.getByRole('region', { name: 'Avslut' });
    await expect.poll(() => exit.getByText('Arbete', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'participant, exited');
  });

  test('registers a participant anonymously, without identity', async () => {
    await page.goto(`${baseUrl}/deltagare/ny`);
    await tick(page, 'radio', /^Anonymt/);
    await expect.poll(() => page.getByRole('textbox', { name: 'Personnummer' }).count()).toBe(0);
    await choose(page, 'Team', 'Team B');
    await choose(page, 'Kön', 'Man');
    await page.getByLabel('Startdatum', { exact: true }).fill('2026-02-01');
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await expect.poll(() => page.getByText('Den anonyma registreringen är sparad.').count()).toBe(1);
    await expectAccessible(page, 'enrol anonymous, saved');
  });

  test('finds the participant by search and filter', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Deltagare', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Deltagare');
    await page.getByLabel('Sök på namn, referens eller personnummer', { exact: true }).fill('Testsson');
    await choose(page, 'Status', 'Alla');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Anna Testsson' }).count()).toBe(1);
    await expectAccessible(page, 'participants, filled');
    await page.getByLabel('Sök på namn, referens eller personnummer', { exact: true }).fill('Ingen Sådan');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => page.getByText('Inga deltagare matchar urvalet.').count()).toBe(1);
    await expectAccessible(page, 'participants, empty');
  });

  test('registers anonymous head counts for the intervention', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Insatser' }).click();
    await page.getByRole('link', { name: 'Insats KOMMUNINSATS' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Insats KOMMUNINSATS');
    await expectAccessible(page, 'intervention, case worker');
    await page.getByRole('link', { name: 'Registrera anonyma' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Anonyma registreringar');
    await choose(page, 'Kön', 'Kvinna');
    await page.getByLabel('Antal', { exact: true }).fill('2');
    await choose(page, 'Team', 'Team B');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await expect.poll(() => page.getByText('Registreringen är sparad.').count()).toBe(1);
    await expectAccessible(page, 'anonymous registrations, filled');
  });

  test('shows the outcomes report with table, chart and its table alternative', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utfallsrapport' }).click();
    await expectAccessible(page, 'report, not yet shown');
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    const exits = page.getByRole('region', { name: 'Avslut per orsak och kön' });
    await exits.waitFor();
    // Other journeys share the database, so only the shape is checked: a share for Arbete.
    expect(await exits.getByRole('row', { name: /^Arbete/ }).first().textContent()).toMatch(/\d+\s%$/);
    // The page has more than one chart (the monthly result too): the one of the exits.
    await page.getByRole('figure', { name: 'Avslut per orsak', exact: true }).getByRole('button', { name: 'Visa diagrammet som tabell' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Avslut per orsak', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'report, shown');
    expect(await page.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href')).toContain('/api/v1/reports/outcomes.csv?intervention=KOMMUNINSATS');
  });

  test('a lost session sends the user to the login page with a clear message', async () => {
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Deltagare', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/logga-in');
    await expect.poll(() => page.getByText('Din session har gått ut').count()).toBe(1);
    await expectAccessible(page, 'login, session expired');
  });

  test('logs out', async () => {
    await login(page, baseUrl, users.teamBWorker, password);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => page.getByText('Du är utloggad.').count()).toBe(1);
    const me = await page.request.get(`${baseUrl}/api/v1/auth/me`);
    expect(me.status()).toBe(401);
  });
});
