// The shared case (issue 10), in the browser only: a municipality case worker and an
// Arbetsförmedlingen case worker in the same intervention build one participant's action plan
// together, hold a trepartsmöte, place the participant at a workplace, and each sees the other's
// records exactly as the consent's parties and categories allow; when the municipality stops
// sharing `meetings` with Arbetsförmedlingen, its meeting notes are gone for them on the next
// request. Axe on every page state.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { choose, expectAccessible, heading, launch, login, newPage, screenshot, tick } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
let browser: Browser;
let kommun: { context: BrowserContext; page: Page };
let af: { context: BrowserContext; page: Page };
let caseUrl = '';

const goal = 'Arbete inom lager och logistik';
const notes = 'Kim vill börja praktisera på lagret i januari.';
const healthGoal = 'Träffa läkare om ryggen';

beforeAll(async () => {
  browser = await launch();
  kommun = await newPage(browser);
  af = await newPage(browser);
  await login(kommun.page, baseUrl, users.caseWorker, password);
  await login(af.page, baseUrl, users.afCaseWorker, password);
});
afterAll(async () => browser?.close());

/** Waits for the answer on a loaded 2-core machine: a save and the refetch behind it can take seconds. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

async function openTab(page: Page, name: string) {
  await tab(page, name).click();
  await poll(() => tab(page, name).getAttribute('aria-selected')).toBe('true');
}

describe('shared case work', () => {
  test('the municipality enrols a participant with a consent naming Arbetsförmedlingen', async () => {
    const page = kommun.page;
    await page.goto(`${baseUrl}/deltagare/ny`);
    await choose(page, 'Team', 'Team A');
    await choose(page, 'Kön', 'Man');
    await page.getByLabel('Startdatum', { exact: true }).fill('2026-01-12');
    await page.getByRole('textbox', { name: 'Personnummer' }).fill('19870303-1230');
    await page.getByRole('textbox', { name: 'Förnamn (frivilligt)' }).fill('Kim');
    await page.getByRole('textbox', { name: 'Efternamn (frivilligt)' }).fill('Samverkan');
    await page.getByLabel('Datum för samtycket', { exact: true }).fill('2026-01-12');
    await tick(page, 'checkbox', 'Org AF');
    // The categories shared with AF are chosen with the party: plan and meetings, not health.
    const shared = page.getByRole('group', { name: 'Vad delas med parten: Org AF' });
    expect(await shared.getByRole('checkbox', { name: 'Möten och anteckningar' }).isChecked()).toBe(true);
    expect(await shared.getByRole('checkbox', { name: 'Uppgifter om hälsa' }).isChecked()).toBe(false);
    await tick(page, 'checkbox', 'Försörjningsstöd (ekonomiskt bistånd)');
    await expectAccessible(page, 'enrol form with consent categories');
    await choose(page, 'Sysselsättning före start', 'Ingen sysselsättning');
    await page.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await poll(() => heading(page).textContent()).toBe('Deltagare: Kim Samverkan');
    caseUrl = page.url();
    const consent = page.getByRole('region', { name: 'Samtycke' });
    await poll(async () => (await consent.getByRole('listitem').allTextContents()).some((text) => text.startsWith('Org AF: Handlingsplan och aktiviteter, Möten och anteckningar'))).toBe(true);
    await expectAccessible(page, 'case, overview with consent categories');
  });

  test('the municipality writes the plan, one sub-goal marked as health information', async () => {
    const page = kommun.page;
    await openTab(page, 'Handlingsplan');
    await poll(() => page.getByText('Det finns ingen handlingsplan ännu.').count()).toBe(0);
    await expectAccessible(page, 'plan tab, empty');
    await page.getByRole('button', { name: 'Skriv handlingsplan' }).click();
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await poll(() => page.getByText('Skriv planens huvudmål').count()).toBe(1);
    await expectAccessible(page, 'plan form, errors');
    await page.getByRole('textbox', { name: 'Huvudmål' }).fill(goal);
    await page.getByRole('textbox', { name: 'Med deltagarens egna ord (frivilligt)' }).fill('Jag vill ha ett jobb där jag rör på mig.');
    await page.getByRole('textbox', { name: 'Nästa uppföljning (frivilligt)' }).fill('2026-03-01');
    await page.getByRole('button', { name: 'Lägg till delmål' }).click();
    await page.getByRole('textbox', { name: 'Nytt delmål 1: text' }).fill('Komma i tid tre dagar i veckan');
    await page.getByRole('button', { name: 'Lägg till delmål' }).click();
    await page.getByRole('textbox', { name: 'Nytt delmål 2: text' }).fill(healthGoal);
    await tick(page, 'checkbox', 'Hälsouppgift (nytt delmål 2)');
    await expectAccessible(page, 'plan form, filled');
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await poll(() => page.getByText('Planen är sparad.').count()).toBe(1);
    await poll(() => page.getByRole('row', { name: new RegExp(healthGoal) }).count()).toBe(1);
    await expectAccessible(page, 'plan tab, saved');
  });

  test('Arbetsförmedlingen sees the plan without the health sub-goal, and revises it', async () => {
    const page = af.page;
    await page.goto(caseUrl);
    await openTab(page, 'Handlingsplan');
    await poll(() => page.getByText(goal).count()).toBe(1);
    expect(await page.getByText(healthGoal).count()).toBe(0);
    await page.getByRole('button', { name: 'Ändra planen' }).click();
    await choose(page, 'Status (delmål 1)', 'Pågår');
    await page.getByRole('button', { name: 'Lägg till delmål' }).click();
    await page.getByRole('textbox', { name: 'Nytt delmål 2: text' }).fill('Ta truckkort A och B');
    await choose(page, 'Ansvarig (nytt delmål 2)', 'Org AF');
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await poll(() => page.getByText('Planen är sparad.').count()).toBe(1);
    const history = page.getByRole('region', { name: 'Planens historik' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Planens historik' }) }));
    await poll(() => history.getByText(/handlaggare, Org AF/).count()).toBe(1);
    await poll(() => history.getByText(/handlaggare, Org KOMMUN/).count()).toBe(1);
    await expectAccessible(page, 'plan tab, revised by AF');
    await screenshot(page, 'case-plan');
  });

  test('the municipality holds a trepartsmöte with Arbetsförmedlingen and the employer', async () => {
    const page = kommun.page;
    await page.reload();
    await openTab(page, 'Handlingsplan');
    await poll(() => page.getByText('Ta truckkort A och B').count()).toBe(1);
    await openTab(page, 'Möten');
    await expectAccessible(page, 'meetings tab, empty');
    await page.getByRole('button', { name: 'Registrera möte' }).click();
    await choose(page, 'Typ av möte', 'Trepartsmöte');
    await page.getByRole('textbox', { name: 'Datum' }).first().fill('2026-02-03');
    await page.getByRole('textbox', { name: 'Tid' }).first().fill('10:00');
    await tick(page, 'checkbox', 'handlaggare, Org AF');
    await tick(page, 'checkbox', 'Arbetsgivare');
    await page.getByRole('textbox', { name: 'Anteckningar (frivilligt)' }).fill(notes);
    await page.getByRole('textbox', { name: 'Överenskommelse 1' }).fill('Boka studiebesök på lagret');
    await choose(page, 'Hör till delmål (överenskommelse 1)', 'Ta truckkort A och B');
    await expectAccessible(page, 'meeting form, filled');
    await page.getByRole('button', { name: 'Spara mötet' }).click();
    await poll(() => page.getByText('Mötet är sparat.').count()).toBe(1);
    await poll(() => page.getByRole('heading', { name: /^Trepartsmöte/ }).count()).toBe(1);
    await expectAccessible(page, 'meetings tab, one meeting');
    await screenshot(page, 'case-meetings');
  });

  test('the municipality places the participant at a workplace from the register', async () => {
    const page = kommun.page;
    await page.goto(`${baseUrl}/arbetsplatser`);
    await page.getByRole('button', { name: 'Ny arbetsplats' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny arbetsplats' });
    await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill('Lagret Syd');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await poll(() => page.getByRole('link', { name: 'Lagret Syd' }).count()).toBe(1);
    await page.goto(caseUrl);
    await openTab(page, 'Aktiviteter');
    await page.getByRole('button', { name: 'Ny aktivitet' }).click();
    const activity = page.getByRole('dialog', { name: 'Ny aktivitet' });
    await choose(page, 'Typ av aktivitet', 'Arbetsträning');
    await choose(page, 'Arbetsplats', 'Lagret Syd');
    await activity.getByRole('textbox', { name: /^Startdatum/ }).fill('2026-02-10');
    await choose(page, 'Status', 'Pågår');
    await expectAccessible(page, 'activity dialog, filled');
    await activity.getByRole('button', { name: 'Spara' }).click();
    await poll(() => page.getByRole('row', { name: /Lagret Syd/ }).count()).toBe(1);
    await expectAccessible(page, 'activities tab, one placement');
  });

  test('Arbetsförmedlingen reads the municipality’s meeting notes', async () => {
    const page = af.page;
    await page.reload();
    await openTab(page, 'Möten');
    await poll(() => page.getByText(notes).count()).toBe(1);
    await expectAccessible(page, 'meetings tab as AF');
    await openTab(page, 'Aktiviteter');
    await poll(() => page.getByRole('row', { name: /Lagret Syd/ }).count()).toBe(1);
  });

  test('the participant’s own copy is a plain page with the goal and the next meeting', async () => {
    const page = kommun.page;
    await openTab(page, 'Handlingsplan');
    await page.getByRole('link', { name: 'Deltagarens exemplar (webbsida)' }).click();
    await poll(() => heading(page).textContent()).toBe('Min handlingsplan');
    await poll(() => page.getByText(goal).count()).toBe(1);
    await expectAccessible(page, 'participant copy');
    await page.goto(caseUrl);
  });

  test('stopping `meetings` for Arbetsförmedlingen hides the notes from them on the next request', async () => {
    const page = kommun.page;
    await poll(() => heading(page).textContent()).toBe('Deltagare: Kim Samverkan');
    await page.getByRole('button', { name: 'Ändra vad som delas med Org AF' }).click();
    const dialog = page.getByRole('dialog');
    await expectAccessible(page, 'categories dialog');
    await dialog.locator('label', { has: page.getByRole('checkbox', { name: 'Möten och anteckningar' }) }).click();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await poll(() => page.getByText('Ändringen gäller från och med nu för Org AF.').count()).toBe(1);
    const parties = page.getByRole('region', { name: 'Samtycke' }).getByRole('listitem');
    await poll(async () => (await parties.allTextContents()).some((text) => text.startsWith('Org AF: Handlingsplan och aktiviteterÄndra'))).toBe(true);
    await expectAccessible(page, 'overview, AF without meetings');

    const afPage = af.page;
    await afPage.reload();
    await openTab(afPage, 'Möten');
    await poll(() => afPage.getByText('Samtycket omfattar inte möten för din organisation.').count()).toBe(1);
    expect(await afPage.getByText(notes).count()).toBe(0);
    expect(await afPage.getByRole('button', { name: 'Registrera möte' }).count()).toBe(0);
    await expectAccessible(afPage, 'meetings tab as AF, not covered');
    // The plan and the placement (category plan) are still shared.
    await openTab(afPage, 'Handlingsplan');
    await poll(() => afPage.getByText(goal).count()).toBe(1);
    await openTab(afPage, 'Aktiviteter');
    await poll(() => afPage.getByRole('row', { name: /Lagret Syd/ }).count()).toBe(1);
  });
});
