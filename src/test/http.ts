import type { App } from '../server/app.js';
import { buildApp } from '../server/app.js';
import { configFromEnv } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
import { testPassword } from './world.js';

export async function testApp(db: Db): Promise<App> {
  const app = await buildApp({ ...configFromEnv({}), logLevel: 'silent' }, db);
  await app.ready();
  return app;
}

/** What a test reads of an answer: status, parsed JSON (or the text) and headers. */
export type Reply = { status: number; body: any; headers: Record<string, unknown> };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A logged-in browser as the API sees it: session cookie plus CSRF token on writes. */
export type Client = {
  request: (method: Method, url: string, body?: unknown) => Promise<Reply>;
  get: (url: string) => Promise<Reply>;
  post: (url: string, body?: unknown) => Promise<Reply>;
  patch: (url: string, body?: unknown) => Promise<Reply>;
};

export function anonymousClient(app: App): Client {
  return clientWith(app, {});
}

export async function login(app: App, email: string, password = testPassword): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed for ${email}: ${response.statusCode}`);
  const cookie = response.cookies.find((c) => c.name === 'stegvis_session')!;
  return clientWith(app, { cookie: `stegvis_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken });
}

/**
 * Logs in as a user an administrator created with a temporary password, as if the user had already
 * made it their own at the first login (auth/password-change.int.test.ts tests that change): for
 * tests about something else, the password stays the same.
 */
export async function loginAsOwnPassword(app: App, email: string, password = testPassword): Promise<Client> {
  await app.db.updateTable('users').set({ password_must_change: false }).where('email', '=', email).execute();
  return login(app, email, password);
}

function clientWith(app: App, headers: Record<string, string>): Client {
  const request: Client['request'] = async (method, url, body) => {
    const response = await app.inject({ method, url, headers, ...(body !== undefined && { payload: body as object }) });
    const text = response.body;
    return { status: response.statusCode, body: text ? safeJson(text) : null, headers: response.headers };
  };
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
  };
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
