// Soak (issue 11, item 5): a mixed workload of case-worker reads and writes, reports and imports
// at twice an assumed national peak, against the compiled server (as `npm start` runs it) on
// PostgreSQL with the demo data, for --minutes. Open loop: requests are sent at the rate whatever
// the answers, so a server falling behind shows as latency and errors, not as a slower client.
// Every 30 s: requests, errors, p50 and p99 of the answers without error, and the memory of every
// process (the server, the PostgreSQL backends of its database, this load generator). Writes
// bench/results/soak.json, which bench/report.ts judges against issue 11's soak targets.
//
// The peak assumed (product.md: 10,000 staff users): at the national peak hour 30 % of them work
// in Stegvis at once, each sending a request every 25 s while they do (lists, a participant, a
// save, now and then a report) = 120 requests/s; twice that is the default --rate 240. Imports: a
// förbund's file of 200 rows every 30 s.
//   npx tsx bench/soak.ts [--minutes 5] [--rate 240] [--sessions 20]
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDemo } from '../src/server/demo/demo-seed.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { log, parseArgs } from './lib/args.js';
import { createPg, dropPg, openAt, pgUrl } from './lib/db.js';
import { quantile } from './lib/stats.js';
import { memoryAfterWarmUp, p99Drift, type SoakResult, type SoakWindow } from './lib/soak-result.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const minutes = Number(args.get('minutes') ?? 5);
const rate = Number(args.get('rate') ?? 240);
const sessions = Number(args.get('sessions') ?? 20);
const windowMs = 30_000;
const timeoutMs = 10_000;
const maxInFlight = 1000;
const database = 'stegvis_bench_soak';

/** The mix of one second's requests (shares of the rate). */
const mix = [
  { kind: 'list', share: 0.45 },
  { kind: 'enrolment', share: 0.3 },
  { kind: 'register', share: 0.12 },
  { kind: 'outcomes', share: 0.08 },
  { kind: 'figures', share: 0.05 },
] as const;
type Kind = (typeof mix)[number]['kind'] | 'import';
/** The kind whose share of [0, 1) holds r. */
function kindAt(r: number): Kind {
  let below = 0;
  for (const m of mix) {
    below += m.share;
    if (r < below) return m.kind;
  }
  return 'list';
}
type Sample = { at: number; kind: Kind; ms: number; status: number | 'timeout' | 'no answer' | 'shed' };

const rssMb = (pid: number) => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
};

log(`preparing ${database}: migrate and demo data`);
await createPg(database);
const setup = await openAt({ kind: 'postgres', name: database });
await migrateToLatest(setup.db);
const logins = await loadDemo(setup.db);
const caseWorker = logins.find((l) => l.email === 'handlaggare@demo.stegvis.se')!;
const lead = logins.find((l) => l.role === 'intervention_lead')!;
const interventions = await setup.db.selectFrom('interventions').select(['id', 'code']).where('code', 'in', ['AVANTI', 'AKTIVITETSCENTER', 'KRAFTEN']).execute();
await setup.close();

const port = 3700 + Math.floor(Math.random() * 200);
const server = spawn(process.execPath, ['dist/server/main.js'], {
  cwd: root,
  // All sessions log in from this one address within a second: the login limit is raised for that.
  env: { ...process.env, DATABASE_URL: pgUrl(database), PORT: String(port), LOG_LEVEL: 'warn', STEGVIS_LOGIN_MAX_FAILURES_ACCOUNT: '1000', STEGVIS_LOGIN_MAX_FAILURES_ADDRESS: '1000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d) => {
    out += d;
    if (out.includes('Stegvis är igång')) resolve();
  });
  server.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
});
const url = `http://127.0.0.1:${port}`;

async function login(email: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.getSetCookie()[0].split(';')[0], 'x-csrf-token': csrfToken };
}
const workers = await Promise.all(Array.from({ length: sessions }, () => login(caseWorker.email, caseWorker.password)));
const leads = await Promise.all(Array.from({ length: Math.max(1, sessions / 5) }, () => login(lead.email, lead.password)));
const enrolmentIds: string[] = [];
for (const intervention of interventions) {
  const list = (await (await fetch(`${url}/api/v1/enrolments?interventionId=${intervention.id}&pageSize=200`, { headers: workers[0] })).json()) as { items: { id: string }[] };
  enrolmentIds.push(...list.items.map((e) => e.id));
}
log(`server on ${url}; ${sessions} case-worker sessions, ${enrolmentIds.length} enrolments to open; ${rate} requests/s for ${minutes} min`);

const pick = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)];
let serial = 0;
const importHeader = 'intervention,team,participant_ref,personnummer,first_name,last_name,gender,birth_year,anonymous,consent,protected_identity,start_date,referrer,income_before,occupation_before,education,exit_date,exit_reason,income_after,occupation_after';

function request(kind: Kind): [string, RequestInit] {
  const headers = pick(workers);
  const intervention = pick(interventions);
  switch (kind) {
    case 'list':
      return [`${url}/api/v1/enrolments?interventionId=${intervention.id}`, { headers }];
    case 'enrolment':
      return [`${url}/api/v1/enrolments/${pick(enrolmentIds)}`, { headers }];
    case 'register': {
      const ref = `SOAK-${process.pid}-${serial++}`;
      const body = {
        mode: 'consent', interventionId: intervention.id, gender: serial % 2 ? 'woman' : 'man', startDate: '2025-03-01',
        person: { participantRef: ref, firstName: 'Sara', lastName: 'Soak' }, consent: { givenDate: '2025-03-01', method: 'written', partyIds: [] },
        incomeBefore: ['social_assistance'],
      };
      return [`${url}/api/v1/enrolments`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }];
    }
    case 'outcomes':
      return [`${url}/api/v1/reports/outcomes?intervention=${intervention.code}&period=${pick(['2024', '2025', '2025-T1', '2025-03'])}`, { headers: pick(leads) }];
    case 'figures':
      return [`${url}/api/v1/reports/figures?intervention=${intervention.code}&from=2025-01-01&to=2025-06-30`, { headers: pick(leads) }];
    case 'import': {
      const batch = serial++;
      const rows = Array.from({ length: 200 }, (_, i) => `AVANTI,,SOAKIMP-${process.pid}-${batch}-${i},,,,woman,1990,nej,ja,nej,2025-02-01,,salary,,,,,,`);
      return [`${url}/api/v1/imports/enrolments`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: `${importHeader}\n${rows.join('\n')}\n` }];
    }
  }
}

const samples: Sample[] = [];
const errors = new Map<string, number>();
let inFlight = 0;
async function send(kind: Kind) {
  const at = Date.now();
  if (inFlight >= maxInFlight) return record({ at, kind, ms: 0, status: 'shed' });
  inFlight++;
  const [target, init] = request(kind);
  let status: Sample['status'];
  try {
    const response = await fetch(target, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    status = response.status;
  } catch (error) {
    status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'no answer';
  }
  inFlight--;
  record({ at, kind, ms: Date.now() - at, status });
}

/** Shed: not sent, because `maxInFlight` requests were already waiting (the server far behind). */
function record(sample: Sample) {
  samples.push(sample);
  const { kind, status } = sample;
  if (typeof status !== 'number' || status >= 400) errors.set(`${kind} ${status}`, (errors.get(`${kind} ${status}`) ?? 0) + 1);
}

async function postgresRssMb(): Promise<number> {
  const handle = await openAt({ kind: 'postgres', name: database }, 1);
  try {
    const { rows } = await handle.pool.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    return rows.reduce((sum, row) => sum + rssMb(row.pid), 0);
  } finally {
    await handle.close();
  }
}

const windows: SoakWindow[] = [];
const started = Date.now();
const end = started + minutes * 60_000;
let due = 0;
const ticker = setInterval(() => {
  due += rate / 10;
  while (due >= 1) {
    due -= 1;
    void send(kindAt(Math.random()));
  }
}, 100);
const importer = setInterval(() => void send('import'), 30_000);
while (Date.now() < end) {
  const windowStart = Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.min(windowMs, end - windowStart)));
  const inWindow = samples.filter((s) => s.at >= windowStart && s.at < windowStart + windowMs && s.kind !== 'import');
  // Latency of the answers without error: a refusal under overload (503 at once) is counted as an error, not as a fast answer.
  const ms = inWindow.filter((s) => typeof s.status === 'number' && s.status < 400).map((s) => s.ms);
  const window: SoakWindow = {
    minute: Math.round(((Date.now() - started) / 60_000) * 10) / 10,
    requests: inWindow.length,
    errors: inWindow.filter((s) => typeof s.status !== 'number' || s.status >= 400).length,
    p50: quantile(ms, 0.5),
    p99: quantile(ms, 0.99),
    serverMb: Math.round(rssMb(server.pid!)),
    postgresMb: Math.round(await postgresRssMb()),
    generatorMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    load: Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
  };
  windows.push(window);
  log(JSON.stringify(window));
}
clearInterval(ticker);
clearInterval(importer);
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 100));
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));

const imports = samples.filter((s) => s.kind === 'import');
const result: SoakResult = {
  measuredAt: new Date(started).toISOString(),
  commit: execSync('git rev-parse HEAD', { cwd: root, encoding: 'utf8' }).trim(),
  minutes,
  rate,
  sessions,
  mix,
  requests: samples.length,
  sentPerSecond: Math.round(samples.length / (minutes * 60)),
  servedPerSecond: Math.round(samples.filter((s) => typeof s.status === 'number' && s.status < 400).length / (minutes * 60)),
  errors: Object.fromEntries(errors),
  imports: { sent: imports.length, ok: imports.filter((s) => s.status === 200).length, medianMs: quantile(imports.map((s) => s.ms), 0.5) },
  drift: p99Drift(samples.filter((s) => s.kind !== 'import' && typeof s.status === 'number' && s.status < 400), started, minutes),
  serverMemory: memoryAfterWarmUp(windows),
  windows,
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/soak.json'), `${JSON.stringify(result, null, 2)}\n`);
log(JSON.stringify({ ...result, windows: undefined }));
await dropPg(database);
