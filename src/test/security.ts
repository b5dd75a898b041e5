import { Writable } from 'node:stream';
import { expect } from 'vitest';
import type { App } from '../server/app.js';
import { buildApp } from '../server/app.js';
import { configFromEnv, type Config } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
import { testPassword } from './world.js';

/** Like testApp, with configuration overrides (SSO, limits) and optionally a collected log. */
export async function testAppWith(db: Db, overrides: Partial<Config> = {}, logStream?: LogCollector): Promise<App> {
  const config = { ...configFromEnv({}), logLevel: logStream ? 'debug' : 'silent', ...overrides };
  const app = await buildApp(config, db, logStream ? { logStream } : {});
  await app.ready();
  return app;
}

export type LogCollector = Writable & { text: () => string; lines: () => Record<string, unknown>[] };

/** A stream the server's logger writes to, kept in memory for the test to search. */
export function collectLog(): LogCollector {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as LogCollector;
  stream.text = () => chunks.join('');
  stream.lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  return stream;
}

export type LoginAnswer = { status: number; body: any; token: string | undefined; csrfToken: string | undefined; headers: Record<string, unknown> };

/** A raw password login, from a chosen client address, optionally with a cookie already held. */
export async function tryLogin(
  app: App,
  email: string,
  password = testPassword,
  options: { remoteAddress?: string; sessionCookie?: string } = {},
): Promise<LoginAnswer> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: options.remoteAddress ?? '127.0.0.1',
    ...(options.sessionCookie && { cookies: { stegvis_session: options.sessionCookie } }),
  });
  const body = response.body ? response.json() : null;
  return {
    status: response.statusCode,
    body,
    token: response.cookies.find((c) => c.name === 'stegvis_session')?.value,
    csrfToken: body?.csrfToken,
    headers: response.headers,
  };
}

/** A request with a given session cookie (and CSRF token on writes), as a browser would send it. */
export async function withSession(app: App, token: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: { csrfToken?: string; body?: unknown } = {}) {
  const response = await app.inject({
    method,
    url,
    cookies: { stegvis_session: token },
    headers: options.csrfToken ? { 'x-csrf-token': options.csrfToken } : {},
    ...(options.body !== undefined && { payload: options.body as object }),
  });
  return { status: response.statusCode, body: response.body ? safeJson(response.body) : null };
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export async function countRows(db: Db, table: 'sessions' | 'login_attempts' | 'oidc_flows'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Each attempt (a client and a URL) is answered 404 exactly as `missing`, the answer for a code that does not exist. */
export async function expectAnsweredAsMissing(missing: { status: number; body: unknown }, attempts: readonly (readonly [{ get(url: string): Promise<{ status: number; body: unknown }> }, string])[]) {
  expect(missing.status).toBe(404);
  for (const [client, url] of attempts) {
    const response = await client.get(url);
    expect(response.status, url).toBe(404);
    expect(response.body, url).toEqual(missing.body);
  }
}
