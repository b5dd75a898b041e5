// The SQL floor of an API case (issue 11, item 2): the statements one request issues, captured
// from the real app in this process, then run back to back by bare `pg` clients at the same
// concurrency. What the API adds above it is Stegvis's own cost (HTTP, parsing, access rule in
// JS, presenting, serialising) plus the client round trips the floor shares.
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { openAt, pgUrl, type Location } from '../lib/db.js';
import { quantile } from '../lib/stats.js';
import type { LoadFigure } from '../lib/load-gen.js';
import { benchEmails, benchPassword } from '../lib/users.js';

/** `name`: sent as a prepared statement, as the app sends it (src/server/db/prepared.ts). */
export type Statement = { text: string; values: unknown[]; name?: string };

/** Records every statement any pg client of this process sends while `work` runs. */
async function recording(work: () => Promise<void>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; only (text, values) is recorded.
  pg.Client.prototype.query = function (this: pg.Client, text: any, values?: any, ...rest: any[]) {
    if (typeof text === 'string') seen.push({ text, values: Array.isArray(values) ? values : [] });
    else if (typeof text?.text === 'string') seen.push({ text: text.text, values: text.values ?? [], name: text.name });
    return (original as (...args: unknown[]) => unknown).call(this, text, values, ...rest);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

/** Per path, the statements of one warmed-up request by the benchmark's case worker (PostgreSQL only). */
export async function captureStatements(location: Location, paths: Record<string, string>): Promise<Record<string, Statement[]>> {
  const handle = await openAt(location);
  const app = await buildApp({ ...configFromEnv({}), logLevel: 'silent' }, handle.db);
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: benchEmails.caseWorker, password: benchPassword } });
    const cookie = login.headers['set-cookie']!.toString().split(';')[0];
    const captured: Record<string, Statement[]> = {};
    for (const [name, url] of Object.entries(paths)) {
      await app.inject({ url, headers: { cookie } });
      captured[name] = await recording(async () => {
        const response = await app.inject({ url, headers: { cookie } });
        if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode}`);
      });
    }
    return captured;
  } finally {
    await app.close();
    await handle.close();
  }
}

/** `connections` bare clients each running the statements back to back for `seconds`. */
export async function sqlFloor(location: Location & { kind: 'postgres' }, statements: Statement[], connections: number, seconds: number): Promise<LoadFigure> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: pgUrl(location.name) });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < end) {
          const start = performance.now();
          try {
            for (const s of statements) await client.query({ name: s.name, text: s.text, values: s.values });
            latencies.push(performance.now() - start);
          } catch {
            errors += 1;
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return {
    rps: latencies.length / seconds,
    p50: Math.round(quantile(latencies, 0.5)),
    p99: Math.round(quantile(latencies, 0.99)),
    requests: latencies.length,
    non2xx: 0,
    errors,
  };
}
