// Web budgets (issue 4): initial JavaScript for the login and start page under 250 KB gzipped,
// and every page interactive within 1 s on a local server. Run: npx tsx bench/web-budget.ts
// It builds the web app when needed, starts the server on the demo data (e2e/support/serve.ts),
// loads each page in Chromium and writes bench/results/web-budget.json.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { buildWebIfNeeded } from '../src/web/build-if-needed.mjs';

const budgetKb = 250;
const interactiveMs = 1000;
const webDir = path.resolve('dist/web');

await buildWebIfNeeded();
const server = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts', 'demo'], { stdio: ['ignore', 'pipe', 'inherit'] });
const baseUrl: string = await new Promise((resolve) =>
  createInterface({ input: server.stdout! }).on('line', (line) => line.startsWith('{') && resolve(JSON.parse(line).url)),
);

const gzipped = (urlPath: string) => zlib.gzipSync(fs.readFileSync(path.join(webDir, urlPath))).length;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const scripts = new Set<string>();
page.on('response', (r) => {
  const url = new URL(r.url());
  if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
});

// Requests in flight, to tell when a page has its data (Playwright's 'networkidle' waits 500 ms more).
let inFlight = 0;
page.on('request', () => inFlight++);
page.on('requestfinished', () => inFlight--);
page.on('requestfailed', () => inFlight--);

/** Time from navigation until the page's h1 is shown and no request is pending (data loaded). */
async function timeTo(target: Page, url: string) {
  const start = performance.now();
  await target.goto(url);
  await target.getByRole('heading', { level: 1 }).first().waitFor();
  let quietSince = performance.now();
  while (performance.now() - quietSince < 50) {
    if (inFlight > 0) quietSince = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Math.round(quietSince - start);
}

const loginMs = await timeTo(page, `${baseUrl}/logga-in`);
const loginJs = [...scripts].reduce((sum, s) => sum + gzipped(s), 0);
await page.getByLabel('E-postadress').fill('handlaggare@demo.stegvis.se');
await page.getByLabel('Lösenord').fill('handlaggare-demo-1');
await page.getByRole('button', { name: 'Logga in' }).click();
await page.waitForURL((u) => u.pathname === '/');
await page.getByRole('heading', { level: 1 }).first().waitFor();
await page.waitForLoadState('networkidle');
const startJs = [...scripts].reduce((sum, s) => sum + gzipped(s), 0);

const pages = ['/', '/insatser', '/deltagare', '/deltagare/ny', '/rapporter', '/import'];
const timings: Record<string, number> = { '/logga-in': loginMs };
for (const p of pages) {
  await timeTo(page, `${baseUrl}${p}`); // warm: a user's second visit, assets cached
  timings[p] = await timeTo(page, `${baseUrl}${p}`);
}
await browser.close();
server.kill('SIGTERM');

const result = {
  date: new Date().toISOString(),
  initialJsGzipKb: { login: +(loginJs / 1024).toFixed(1), loginAndStart: +(startJs / 1024).toFixed(1), budget: budgetKb },
  interactiveMs: timings,
  budgetMs: interactiveMs,
  ok: startJs / 1024 < budgetKb && Object.values(timings).every((ms) => ms < interactiveMs),
};
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/web-budget.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
process.exit(result.ok ? 0 : 1);
