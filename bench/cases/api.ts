// Cases under load (autocannon, authenticated, 127.0.0.1): a page of 50 from a case worker's
// list, one enrolment, the outcomes report, each against a bare Fastify route returning the same
// JSON from memory; and the list with audit on against the benchmark-only switch that turns it off.
import fs from 'node:fs';
import path from 'node:path';
import { log } from '../lib/args.js';
import { captureStatements, sqlFloor } from './api-floor.js';
import { benchDir, openAt, serverArgs, type Location } from '../lib/db.js';
import { getJson, hammer, loginSessions, type LoadFigure } from '../lib/load-gen.js';
import { startChild, type Child } from '../lib/proc.js';
import { benchEmails, benchPassword, findTargets } from '../lib/users.js';

export type LoadSettings = { connections: number; seconds: number; warmupSeconds: number; runs: number };
export type Endpoint = 'list' | 'enrolment' | 'report';
/** `floor`: the request's own SQL statements run back to back by bare pg clients (PostgreSQL only; api-floor.ts). */
export type EndpointFigure = { endpoint: Endpoint; path: string; bytes: number; api: LoadFigure[]; bare: LoadFigure[]; floor?: LoadFigure[]; statements?: number };
export type ApiFigures = { endpoints: EndpointFigure[]; audit: { on: LoadFigure[]; off: LoadFigure[] }; serverMaxRssMb: number | null };

export type Paths = Record<Endpoint, string[]>;

/** What the load asks for: the target intervention's list (pages 1–10), 200 of its enrolments in turn, its report for the year. */
export async function loadPaths(location: Location, year: number): Promise<Paths> {
  const handle = await openAt(location);
  try {
    const targets = await findTargets(handle.db);
    const ids = await handle.db.selectFrom('enrolments').select('id').where('intervention_id', '=', targets.interventionId)
      .orderBy('start_date', 'desc').orderBy('id').limit(200).execute();
    return {
      list: Array.from({ length: 10 }, (_, i) => `/api/v1/enrolments?interventionId=${targets.interventionId}&page=${i + 1}&pageSize=50`),
      enrolment: ids.map((r) => `/api/v1/enrolments/${r.id}`),
      report: [`/api/v1/reports/outcomes?intervention=${targets.interventionCode}&from=${year}-01-01&to=${year}-12-31`],
    };
  } finally {
    await handle.close();
  }
}

export const startServer = (location: Location, audit: 'on' | 'off' = 'on') =>
  startChild('server.ts', [...serverArgs(location), '--audit', audit]);

/** One body per endpoint, checked to be a 200, for the bare route to serve. */
async function captureBodies(server: Child, paths: Paths, cookie: string): Promise<Record<Endpoint, string>> {
  const bodies = {} as Record<Endpoint, string>;
  for (const endpoint of Object.keys(paths) as Endpoint[]) {
    const { status, text } = await getJson(`${server.url}${paths[endpoint][0]}`, cookie);
    if (status !== 200) throw new Error(`${endpoint}: ${status} ${text.slice(0, 200)}`);
    bodies[endpoint] = text;
  }
  return bodies;
}

export async function apiCase(location: Location, paths: Paths, s: LoadSettings, label: string): Promise<ApiFigures> {
  let server = await startServer(location);
  const cookies = await loginSessions(server.url, benchEmails.caseWorker, benchPassword, s.connections);
  const bodies = await captureBodies(server, paths, cookies[0]);
  const bodyFile = path.join(benchDir, `bare-bodies-${label}.json`);
  fs.mkdirSync(benchDir, { recursive: true });
  fs.writeFileSync(bodyFile, JSON.stringify(bodies));
  const bare = await startChild('bare-server.ts', [bodyFile]);
  const load = (url: string, p: string[], seconds = s.seconds) => hammer({ url, paths: p, cookies, connections: s.connections, seconds });
  const endpoints: EndpointFigure[] = (Object.keys(paths) as Endpoint[]).map((endpoint) => ({
    endpoint, path: paths[endpoint][0], bytes: Buffer.byteLength(bodies[endpoint]), api: [], bare: [],
  }));
  let maxRss: number | null = null;
  const statements = location.kind === 'postgres'
    ? await captureStatements(location, Object.fromEntries(endpoints.map((e) => [e.endpoint, e.path])))
    : null;
  for (const e of endpoints) {
    if (statements) Object.assign(e, { floor: [], statements: statements[e.endpoint].length });
  }
  try {
    for (const e of endpoints) {
      await load(server.url, paths[e.endpoint], s.warmupSeconds);
      await load(bare.url, [`/bare/${e.endpoint}`], s.warmupSeconds);
    }
    for (let run = 0; run < s.runs; run++) {
      for (const e of endpoints) {
        e.api.push(checked(await load(server.url, paths[e.endpoint]), `${e.endpoint}`));
        e.bare.push(checked(await load(bare.url, [`/bare/${e.endpoint}`]), `bare ${e.endpoint}`));
        if (statements && location.kind === 'postgres') e.floor!.push(await sqlFloor(location, statements[e.endpoint], s.connections, s.seconds));
        log(`  ${label} ${e.endpoint} run ${run + 1}: ${e.api.at(-1)!.rps.toFixed(0)} req/s p99 ${e.api.at(-1)!.p99} ms; bare ${e.bare.at(-1)!.rps.toFixed(0)} req/s; SQL floor ${e.floor?.at(-1)?.rps.toFixed(0) ?? '–'} req/s`);
      }
    }
    // Audit on and off, alternating; the embedded database admits one server at a time.
    const audit = { on: [] as LoadFigure[], off: [] as LoadFigure[] };
    for (let run = 0; run < s.runs; run++) {
      for (const mode of ['on', 'off'] as const) {
        maxRss = Math.max(maxRss ?? 0, (await server.stop()).maxRssMb ?? 0);
        server = await startServer(location, mode);
        await load(server.url, paths.list, s.warmupSeconds);
        audit[mode].push(checked(await load(server.url, paths.list), `list audit ${mode}`));
        log(`  ${label} list audit ${mode} run ${run + 1}: ${audit[mode].at(-1)!.rps.toFixed(0)} req/s`);
      }
    }
    return { endpoints, audit, serverMaxRssMb: maxRss };
  } finally {
    await server.stop();
    await bare.stop();
    fs.rmSync(bodyFile, { force: true });
  }
}

/** Answers other than 2xx mean the run measured something else: the case stops. Timeouts are reported. */
export function checked(figure: LoadFigure, what: string): LoadFigure {
  if (figure.non2xx > 0) throw new Error(`${what}: ${figure.non2xx} non-2xx answers`);
  return figure;
}
