// The case worker's worklist (start-page counts and the whole list), the team caseload and the
// workplace register, with a placement visible to the case worker who may see it. Axe on every
// page state; the register's dialog by keyboard.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays } from '../src/core/dates.js';
import { swedishToday } from '../src/server/persons/today.js';
import { expectAccessible, heading, launch, login, newPage } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
const today = swedishToday();
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ context, page } = await newPage(browser));
  await login(page, baseUrl, users.caseWorker, password);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** A write through the API with the session's CSRF token, for data the journey needs but does not test. */
async function apiPost(url: string, data: object) {
  const me = await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json();
  const response = await page.request.post(`${baseUrl}${url}`, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.status(), url).toBeLessThan(300);
  return response.json();
}

const nav = () => page.getByRole('navigation', { name: 'Huvudmeny' });

describe('worklist, caseload and workplace register', () => {
  test('the register: a new workplace by keyboard, then its page', async () => {
    await nav().getByRole('link', { name: 'Arbetsplatser' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Arbetsplatser');
    await expectAccessible(page, 'workplace register, empty');
    await page.getByRole('button', { name: 'Ny arbetsplats' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ny arbetsplats' });
    await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill('Stadsträdgården');
    await dialog.getByRole('textbox', { name: 'Organisationsnummer' }).fill('212000-9999');
    await expectAccessible(page, 'new workplace dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Stadsträdgården' }).count()).toBe(1);
    await expectAccessible(page, 'workplace register with a workplace');
  });

  test('the worklist counts on the start page and lists what is due', async () => {
    // Other specs on the same server register participants too: count from what is due already.
    const dueBefore = await (await page.request.get(`${baseUrl}/api/v1/worklist`)).json();
    const due = async () => {
      const links = await page.getByRole('region', { name: 'Att göra' }).getByRole('link').allTextContents();
      const count = (label: string) => Number(links.find((text) => text.includes(label))?.match(/^\d+/)?.[0] ?? -1);
      return { noPlan: count('Saknar handlingsplan'), ending: count('Aktiviteter som slutar') };
    };
    const teamA = (await (await page.request.get(`${baseUrl}/api/v1/worklist`)).json()).teams.find((team: { name: string }) => team.name === 'Team A');
    const interventionId = (await (await page.request.get(`${baseUrl}/api/v1/interventions`)).json()).items.find((i: { code: string }) => i.code === 'KOMMUNINSATS').id;
    const enrol = (ref: string, days: number) =>
      apiPost('/api/v1/enrolments', {
        mode: 'consent', interventionId, teamId: teamA.id, gender: 'woman', startDate: addDays(today, -days),
        person: { participantRef: ref, firstName: 'Vera', lastName: ref }, consent: { givenDate: addDays(today, -days), method: 'written', partyIds: [] },
      });
    const placed = await enrol('Verkstadsdotter', 30);
    await enrol('Väntesdotter', 20);
    // By name: other specs on the same server add workplaces of their own.
    const workplaces = await (await page.request.get(`${baseUrl}/api/v1/workplaces`)).json();
    const garden = workplaces.items.find((w: { name: string }) => w.name === 'Stadsträdgården');
    await apiPost(`/api/v1/enrolments/${placed.id}/activities`, {
      activityType: 'work_training', workplaceId: garden.id, startDate: addDays(today, -10), endDate: addDays(today, 10), status: 'ongoing',
    });

    await nav().getByRole('link', { name: 'Start' }).click();
    await expect.poll(due).toEqual({ noPlan: dueBefore.noPlan.length + 2, ending: dueBefore.ending.length + 1 });
    await expectAccessible(page, 'start page with worklist counts');

    await nav().getByRole('link', { name: 'Min arbetslista' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Min arbetslista');
    const ending = page.getByRole('region', { name: /Aktiviteter som slutar/ });
    await expect.poll(() => ending.getByRole('row', { name: /Vera Verkstadsdotter/ }).count()).toBe(1);
    await expectAccessible(page, 'worklist');

    await page.getByRole('link', { name: /^Team A/ }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Teamets ärenden: Team A');
    await expect.poll(() => page.getByRole('row', { name: /Vera Väntesdotter/ }).count()).toBe(1);
    await expectAccessible(page, 'team caseload');
  });

  test('the workplace page shows who is placed there to a case worker who may see them', async () => {
    await nav().getByRole('link', { name: 'Arbetsplatser' }).click();
    await page.getByRole('link', { name: 'Stadsträdgården' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Stadsträdgården');
    const placed = page.getByRole('region', { name: 'Placerade nu' });
    await expect.poll(() => placed.getByRole('link', { name: 'Vera Verkstadsdotter' }).count()).toBe(1);
    await expectAccessible(page, 'workplace page with a placement');
  });
});
