// Participant surveys on a phone (issue 13): the lead enters Arabic translations, a case worker
// sends personal links, and the participant answers the built-in survey at 390 px, once in
// Arabic (right to left) and once in lätt svenska, one question per screen. Every screen is
// scanned with axe; screenshots go to test-results/screenshots (copied to docs/screenshots).
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { choose, expectAccessible, heading, launch, login, newPage, phone, screenshot } from './support/browser.js';
import { password, users } from './support/world.js';

const baseUrl = inject('worldUrl');
/** A journey of a dozen screens, each scanned with axe, on a shared 2-core machine. */
const long = 360_000;
/** The shared machine is slow at times: waits are generous, the checks are the same. */
const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 30_000 });
let browser: Browser;
let staff: Page;
let participantUrl: string;

/** Arabic for the built-in questions, as a lead would enter them (Swedish text → Arabic, option labels). */
const arabic: Record<string, { text: string; options?: string[] }> = {
  'Om dig': { text: 'عنك', options: ['امرأة', 'رجل', 'لا أريد الإجابة / لا يوجد خيار مناسب'] },
  'Får du stöd på ett sätt som är till stor nytta för dig?': { text: 'هل تحصل على الدعم بطريقة مفيدة جداً لك؟' },
  'Är du med och bestämmer vilket stöd du skall få?': { text: 'هل تشارك في تحديد نوع الدعم الذي تحصل عليه؟' },
  'Får stödet ta den tid du behöver?': { text: 'هل يأخذ الدعم الوقت الذي تحتاجه؟' },
  'Stödjer insatsen dig i kontakterna med myndigheterna och vården?': { text: 'هل يدعمك البرنامج في تواصلك مع الجهات الحكومية والرعاية الصحية؟' },
  'Har det stöd du fått hjälpt dig att utveckla sätt att hantera din situation?': { text: 'هل ساعدك الدعم على تطوير طرق للتعامل مع وضعك؟' },
  'Känner du dig mer redo att kunna arbeta eller studera jämfört med innan du fick kontakt med oss?': { text: 'هل تشعر أنك أكثر استعداداً للعمل أو الدراسة مقارنة بما قبل تواصلك معنا؟' },
  'Upplever du att personalen tar tillvara dina erfarenheter, såsom kunskaper och synpunkter?': { text: 'هل تشعر أن الموظفين يستفيدون من خبراتك ومعارفك وآرائك؟' },
  'Hur ofta mår du bra?': { text: 'كم مرة تشعر أنك بخير؟' },
  'Hur nära arbete eller studier känner du dig?': { text: 'إلى أي مدى تشعر أنك قريب من العمل أو الدراسة؟', options: ['بعيد جداً', 'قريب جداً'] },
  'Vad är viktigt för dig för att kunna arbeta eller studera?': { text: 'ما المهم بالنسبة لك لتتمكن من العمل أو الدراسة؟' },
  'Hur gör stödet du får skillnad för dig? (Beskriv gärna vad och varför)': { text: 'كيف يُحدث الدعم الذي تحصل عليه فرقاً لك؟ (صف ماذا ولماذا إن أردت)' },
  'Vad kan göras annorlunda?': { text: 'ما الذي يمكن فعله بشكل مختلف؟' },
};

beforeAll(async () => {
  browser = await launch();
  ({ page: staff } = await newPage(browser));
});
afterAll(async () => browser?.close());

/** The case worker enrols a participant and creates a personal link; returns its address. */
async function sendSurvey(variant: string): Promise<string> {
  await staff.goto(participantUrl);
  const section = staff.getByRole('region', { name: 'Enkäter' });
  await choose(staff, 'När i insatsen', variant);
  await section.getByRole('button', { name: 'Skapa enkätlänk' }).click();
  const url = section.locator('code.survey-url');
  await url.waitFor();
  await poll(() => section.getByRole('img', { name: 'QR-kod till enkäten' }).count()).toBe(1);
  await expectAccessible(staff, `participant page, ${variant} link shown`);
  return (await url.textContent())!;
}

/** Answers every screen of the survey on the phone, checking each with axe. */
async function answerAll(page: Page, language: string, next: string, send: string) {
  const questions = page.locator('fieldset.question');
  const total = await questions.count();
  expect(total).toBeGreaterThan(3);
  for (let i = 0; i < total; i++) {
    const current = questions.nth(i);
    await poll(() => current.isVisible()).toBe(true);
    const options = current.locator('label.option');
    if ((await options.count()) > 0) await options.nth(Math.min(2, (await options.count()) - 1)).click();
    else await current.locator('textarea').fill(language === 'ar' ? 'العمل مع الناس' : 'Att få hjälp att börja jobba');
    await expectAccessible(page, `${language}: question ${i + 1} of ${total}`);
    if (i === 1) await screenshot(page, `survey-${language}-question`);
    if (i < total - 1) await page.getByRole('button', { name: next, exact: true }).click();
  }
  await page.getByRole('button', { name: send }).click();
}

describe('participant surveys on a phone', () => {
  test('the lead enters the Arabic translations', { timeout: long }, async () => {
    await login(staff, baseUrl, users.lead, password);
    await staff.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Enkätfrågor och översättningar' }).click();
    await poll(() => heading(staff).textContent()).toBe('Enkätfrågor och översättningar');
    await poll(() => staff.getByText('13 frågor saknar översättning').count()).toBe(1);
    await expectAccessible(staff, 'translations, Arabic missing');
    for (const [swedish, text] of Object.entries(arabic)) {
      const form = staff.getByRole('form', { name: swedish, exact: true });
      await form.getByRole('textbox', { name: 'Frågans text' }).fill(text.text);
      for (const [i, option] of (text.options ?? []).entries()) await form.getByRole('textbox').nth(i + 1).fill(option);
      await form.getByRole('button', { name: 'Spara' }).click();
      await poll(() => form.getByText('Översättningen är sparad.').count()).toBe(1);
    }
    await poll(() => staff.getByText('Alla frågor är översatta').count()).toBe(1);
    await expectAccessible(staff, 'translations, Arabic complete');
    await staff.getByRole('button', { name: /Logga ut/ }).first().click();
  });

  test('a case worker enrols a participant and sends a survey link with a QR code', async () => {
    await login(staff, baseUrl, users.caseWorker, password);
    await staff.goto(`${baseUrl}/deltagare/ny`);
    await poll(() => heading(staff).textContent()).toBe('Skriv in deltagare');
    await choose(staff, 'Kön', 'Kvinna');
    await staff.getByLabel('Startdatum', { exact: true }).fill('2025-03-03');
    await staff.getByRole('textbox', { name: 'Personnummer' }).fill('19920304-4285');
    await staff.getByRole('textbox', { name: 'Förnamn (frivilligt)' }).fill('Samira');
    await staff.getByRole('textbox', { name: 'Efternamn (frivilligt)' }).fill('Enkätsson');
    await staff.getByLabel('Datum för samtycket', { exact: true }).fill('2025-03-03');
    await staff.getByRole('button', { name: 'Skriv in', exact: true }).click();
    await poll(() => heading(staff).textContent()).toBe('Deltagare: Samira Enkätsson').catch(async (error) => {
      await screenshot(staff, 'survey-enrol-failed');
      throw error;
    });
    participantUrl = staff.url();
    await expectAccessible(staff, 'participant page with survey section');
  });

  test('the participant answers in Arabic, right to left, on a 390 px phone', { timeout: long }, async () => {
    const link = await sendSurvey('Under insatsen');
    const { context, page } = await newPage(browser, phone);
    try {
      await page.goto(link);
      await expectAccessible(page, 'language choice');
      await screenshot(page, 'survey-languages');
      await page.getByRole('link', { name: 'العربية' }).click();
      await poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      await poll(() => page.getByText('كم مرة تشعر أنك بخير؟').count()).toBe(1);
      await answerAll(page, 'ar', 'التالي', 'إرسال الإجابات');
      await poll(() => heading(page).textContent()).toBe('شكراً على إجاباتك!');
      await expectAccessible(page, 'Arabic thanks');
      await screenshot(page, 'survey-ar-thanks');
      // The link takes one answer: opened again, it says so kindly.
      await page.goto(link);
      await poll(() => page.getByText(/Länken fungerar inte/).count()).toBe(1);
      await expectAccessible(page, 'used link');
    } finally {
      await context.close();
    }
  });

  test('the participant answers in lätt svenska, and the answers stay when the connection drops', { timeout: long }, async () => {
    const link = await sendSurvey('Vid avslut');
    const { context, page } = await newPage(browser, phone);
    try {
      await page.goto(link);
      await page.getByRole('link', { name: 'Lätt svenska' }).click();
      await poll(() => heading(page).textContent()).toBe('Frågor till dig');
      await expectAccessible(page, 'lätt svenska, first question');
      await screenshot(page, 'survey-sv-easy');
      // Offline: sending fails with a kind message, the answer stays on the phone.
      await page.locator('fieldset.question').first().locator('label.option').first().click();
      await context.setOffline(true);
      await page.reload().catch(() => undefined);
      await context.setOffline(false);
      await page.goto(`${link}?sprak=sv-easy`);
      expect(await page.locator('fieldset.question').first().locator('input').first().isChecked()).toBe(true);
      await answerAll(page, 'sv-easy', 'Nästa', 'Skicka');
      await poll(() => heading(page).textContent()).toBe('Tack för att du svarade!');
      await expectAccessible(page, 'lätt svenska thanks');
    } finally {
      await context.close();
    }
  });

  test('the results show the answers with a chart and a table', async () => {
    await staff.goto(`${baseUrl}/enkater`);
    await poll(() => heading(staff).textContent()).toBe('Enkätresultat');
    await choose(staff, 'Insats', 'Insats KOMMUNINSATS');
    await poll(() => staff.getByRole('heading', { name: 'Hur ofta mår du bra?' }).count()).toBe(1);
    // The Arabic answer to the three free-text questions (8–10), listed for the controller's case worker.
    await poll(() => staff.getByText('العمل مع الناس').count()).toBe(3);
    await expectAccessible(staff, 'survey results');
    await staff.getByRole('region', { name: 'Hur ofta mår du bra?' }).getByRole('button', { name: 'Visa diagrammet som tabell' }).click();
    await poll(() => staff.getByRole('table', { name: 'Hur ofta mår du bra?' }).count()).toBe(1);
    await expectAccessible(staff, 'survey results, table shown');
    await screenshot(staff, 'survey-results');
  });
});
