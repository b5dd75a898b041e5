// The participant's survey page on a slow phone connection (issue 13): its JavaScript gzipped
// (budget 60 KB) and its first render (first contentful paint) under a slow-3G profile with CPU
// throttling, through Chromium's DevTools protocol (budget 1 s). Floor: the smallest page of the
// same server (the thank-you page, one request of a few hundred bytes) under the same profile, in
// the same run. Run: npx tsx bench/survey-page.ts — writes bench/results/survey-page.json.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';
import { headCommit } from './lib/machine.js';
import { renderResults } from './report.js';

/** The test world's password (src/test/world.ts), which e2e/support/serve.ts seeds; bench code does not import test code. */
const worldPassword = 'rätt-hemligt-lösenord';
const budgetKb = 60;
const budgetMs = 1000;
const runs = 5;
/** WebPageTest's "3G Slow": 400 kbit/s both ways, 400 ms round trip; a mid-range phone's CPU (4× slower). */
const profile = { latencyMs: 400, kbitPerSecond: 400, cpuSlowdown: 4 };

const server = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts', 'world'], { stdio: ['ignore', 'pipe', 'inherit'] });
const baseUrl: string = await new Promise((resolve) =>
  createInterface({ input: server.stdout! }).on('line', (line) => line.startsWith('{') && resolve(JSON.parse(line).url)),
);

/** A case worker of the test world enrols a participant and sends a survey: the link to measure. */
async function surveyLink(): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'handlaggare@kommun.test', password: worldPassword }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = await login.json();
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const interventions = await (await fetch(`${baseUrl}/api/v1/interventions`, { headers })).json();
  const interventionId = interventions.items.find((i: { code: string }) => i.code === 'KOMMUNINSATS').id;
  const enrolment = await fetch(`${baseUrl}/api/v1/enrolments`, {
    method: 'POST', headers,
    body: JSON.stringify({ mode: 'consent', interventionId, gender: 'woman', startDate: '2025-01-02', person: { participantRef: `BENCH-${Date.now()}` }, consent: { givenDate: '2025-01-02', method: 'written', partyIds: [] } }),
  });
  const { id } = await enrolment.json();
  const sent = await fetch(`${baseUrl}/api/v1/enrolments/${id}/surveys`, { method: 'POST', headers, body: JSON.stringify({ variant: 'during' }) });
  return (await sent.json()).url;
}

/** First contentful paint of one cold load (new context: nothing cached) under the profile, and the scripts it loaded. */
async function firstRender(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerSecond = (profile.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  const scripts: string[] = [];
  page.on('response', (r) => r.url().endsWith('.js') && scripts.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  // The paint entry can be recorded after the load event: wait for it (buffered, so an earlier one counts too).
  const fcp = await page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 10_000);
      }),
  );
  await context.close();
  return { fcp: fcp === null ? null : Math.round(fcp), scripts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });

const link = await surveyLink();
const questions = `${link}?sprak=ar`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const loadBefore = os.loadavg().map((l) => +l.toFixed(2));
const timings = { languages: [] as number[], questions: [] as number[], floor: [] as number[] };
let scriptUrls: string[] = [];
for (let i = 0; i < runs; i++) {
  // Interleaved, so a change in the machine's load touches page and floor alike.
  timings.floor.push((await firstRender(browser, `${baseUrl}/enkat/tack?sprak=ar`)).fcp!);
  timings.languages.push((await firstRender(browser, link)).fcp!);
  const q = await firstRender(browser, questions);
  timings.questions.push(q.fcp!);
  scriptUrls = q.scripts;
}
const loadAfter = os.loadavg().map((l) => +l.toFixed(2));
const scriptBytes = await Promise.all(scriptUrls.map(async (u) => zlib.gzipSync(Buffer.from(await (await fetch(u)).arrayBuffer())).length));
const htmlBytes = zlib.gzipSync(Buffer.from(await (await fetch(questions)).arrayBuffer())).length;
await browser.close();
server.kill('SIGTERM');

const result = {
  date: new Date().toISOString(),
  commit: headCommit(),
  loadAverage: { before: loadBefore, after: loadAfter },
  cpus: os.cpus().length,
  profile,
  javascriptGzipKb: { value: +(scriptBytes.reduce((s, x) => s + x, 0) / 1024).toFixed(2), files: scriptUrls.length, budget: budgetKb },
  questionsHtmlGzipKb: +(htmlBytes / 1024).toFixed(2),
  firstRenderMs: { languages: summary(timings.languages), questions: summary(timings.questions), floor: summary(timings.floor), budget: budgetMs },
  ok: scriptBytes.reduce((s, x) => s + x, 0) / 1024 < budgetKb && median(timings.questions) < budgetMs && median(timings.languages) < budgetMs,
};
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/survey-page.json', `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(path.join('bench', 'RESULTS.md'), renderResults(path.join('bench', 'results'), path.join('bench', 'notes.md')));
console.log(JSON.stringify(result, null, 2));
process.exit(result.ok ? 0 : 1);
