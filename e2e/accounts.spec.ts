// Accounts: the first login with a temporary password goes to the password change and nowhere
// else; an administrator's reset; changing one's own password from the user menu.
import { beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserPerTest, choose, expectAccessible, heading, login } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
const session = browserPerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const email = 'tilda@kommun.test';
const temporary = 'tillfälligt-lösenord-1';
const own = 'mitt-eget-långa-lösenord';

async function logout() {
  await page.getByRole('button', { name: 'Logga ut' }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/logga-in'));
}

async function changeForced(current: string, next: string) {
  await expect.poll(() => heading(page).textContent()).toBe('Välj ett eget lösenord');
  await page.getByLabel('Tillfälligt lösenord').fill(current);
  await page.getByLabel('Nytt lösenord').fill(next);
  await page.getByLabel('Upprepa det nya lösenordet').fill(next);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect.poll(() => page.getByText('Ditt lösenord är bytt.', { exact: false }).count()).toBe(1);
}

describe('accounts', () => {
  test('first login with a temporary password: forced change, then the start page', async () => {
    await login(page, baseUrl, users.orgAdmin, password);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('button', { name: 'Ny användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny användare' });
    await dialog.getByRole('textbox', { name: 'Namn' }).fill('Tilda Tillfällig');
    await dialog.getByRole('textbox', { name: 'E-postadress' }).fill(email);
    await dialog.getByLabel('Tillfälligt lösenord').fill(temporary);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByText('Användaren är skapad.').count()).toBe(1);
    // A user without any role has no start page to go to (every page needs a role).
    await page.getByRole('row', { name: /Tilda Tillfällig/ }).getByRole('button', { name: 'Uppdrag' }).click();
    await choose(page, 'Roll', 'Handläggare');
    await choose(page, 'Gäller', 'Insats KOMMUNINSATS');
    await page.getByRole('dialog').getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => page.getByText('Uppdraget är tillagt.').count()).toBe(1);
    await logout();

    await login(page, baseUrl, email, temporary);
    await page.waitForURL((url) => url.pathname === '/byt-losenord');
    await expect.poll(() => heading(page).textContent()).toBe('Välj ett eget lösenord');
    await expectAccessible(page, 'forced password change');
    // Nothing else opens meanwhile: the start page sends the user back.
    await page.goto(`${baseUrl}/insatser`);
    await page.waitForURL((url) => url.pathname === '/byt-losenord');

    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => page.getByText('Lösenordet måste ha minst 12 tecken').count()).toBe(1);
    await expectAccessible(page, 'forced password change, errors');
    await page.getByLabel('Tillfälligt lösenord').fill('fel-lösenord-helt-enkelt');
    await page.getByLabel('Nytt lösenord').fill(own);
    await page.getByLabel('Upprepa det nya lösenordet').fill(`${own}x`);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => page.getByText('Lösenorden är inte likadana.', { exact: false }).count()).toBe(1);
    await page.getByLabel('Upprepa det nya lösenordet').fill(own);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => page.getByText('Lösenordet stämmer inte. Skriv det lösenord du loggade in med.').count()).toBe(1);
    await expectAccessible(page, 'forced password change, wrong current password');

    await changeForced(temporary, own);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expectAccessible(page, 'start page after the change');
    await logout();
    await login(page, baseUrl, email, own);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  test('an administrator resets the password; the user chooses a new one, later changes it from the menu', async () => {
    await login(page, baseUrl, users.orgAdmin, password);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('button', { name: 'Återställ lösenord för Tilda Tillfällig' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Återställ lösenordet för Tilda Tillfällig?' });
    await dialog.getByRole('button', { name: 'Återställ lösenordet' }).click();
    await expect.poll(() => dialog.getByText('Lösenordet måste ha minst 12 tecken').count()).toBe(1);
    await expectAccessible(page, 'reset password dialog, error');
    await dialog.getByLabel('Tillfälligt lösenord').fill(temporary);
    await dialog.getByRole('button', { name: 'Återställ lösenordet' }).click();
    await expect.poll(() => page.getByText('Lösenordet för Tilda Tillfällig är återställt.', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'users, password reset');
    // One's own password is not reset here.
    expect(await page.getByRole('button', { name: /^Återställ lösenord för admin$/ }).count()).toBe(0);
    await logout();

    await login(page, baseUrl, email, temporary);
    await changeForced(temporary, `${own}-2`);

    await page.getByRole('link', { name: 'Byt lösenord' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Byt lösenord');
    await expectAccessible(page, 'password change from the menu');
    await page.getByLabel('Nuvarande lösenord').fill(`${own}-2`);
    await page.getByLabel('Nytt lösenord').fill(`${own}-3`);
    await page.getByLabel('Upprepa det nya lösenordet').fill(`${own}-3`);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect.poll(() => page.getByText('Ditt lösenord är bytt.', { exact: false }).count()).toBe(1);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  });
});
