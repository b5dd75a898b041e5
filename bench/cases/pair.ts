// Case: two server processes on one PostgreSQL database. A session made by logging in on one
// works on the other; throughput of the list on the pair (25 + 25 connections) against one
// server with all 50, alternating.
import type { Location } from '../lib/db.js';
import { getJson, hammer, loginSessions, type LoadFigure } from '../lib/load-gen.js';
import { log } from '../lib/args.js';
import { benchEmails, benchPassword } from '../lib/users.js';
import { checked, startServer, type LoadSettings, type Paths } from './api.js';

export type PairFigures = { sessionShared: boolean; one: LoadFigure[]; pair: LoadFigure[] };

const sum = (a: LoadFigure, b: LoadFigure): LoadFigure => ({
  rps: a.rps + b.rps,
  p50: Math.max(a.p50, b.p50),
  p99: Math.max(a.p99, b.p99),
  requests: a.requests + b.requests,
  non2xx: a.non2xx + b.non2xx,
  errors: a.errors + b.errors,
});

export async function pairCase(location: Location, paths: Paths, s: LoadSettings): Promise<PairFigures> {
  if (location.kind !== 'postgres') throw new Error('two servers share PostgreSQL only; the embedded database admits one');
  const a = await startServer(location);
  const b = await startServer(location);
  try {
    const cookies = await loginSessions(a.url, benchEmails.caseWorker, benchPassword, s.connections);
    const me = await getJson(`${b.url}/api/v1/auth/me`, cookies[0]);
    const list = await getJson(`${b.url}${paths.list[0]}`, cookies[0]);
    const sessionShared = me.status === 200 && list.status === 200 && JSON.parse(me.text).user?.email === benchEmails.caseWorker;
    const half = Math.floor(s.connections / 2);
    const load = (url: string, connections: number, seconds: number, from = 0) =>
      hammer({ url, paths: paths.list, cookies: cookies.slice(from, from + connections), connections, seconds });
    await Promise.all([load(a.url, half, s.warmupSeconds), load(b.url, half, s.warmupSeconds, half)]);
    const one: LoadFigure[] = [];
    const pair: LoadFigure[] = [];
    for (let run = 0; run < s.runs; run++) {
      one.push(checked(await load(a.url, s.connections, s.seconds), 'list on one server'));
      const [x, y] = await Promise.all([load(a.url, half, s.seconds), load(b.url, s.connections - half, s.seconds, half)]);
      pair.push(checked(sum(x, y), 'list on the pair'));
      log(`  pair run ${run + 1}: one ${one.at(-1)!.rps.toFixed(0)} req/s, pair ${pair.at(-1)!.rps.toFixed(0)} req/s`);
    }
    return { sessionShared, one, pair };
  } finally {
    await a.stop();
    await b.stop();
  }
}
