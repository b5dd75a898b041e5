import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { seedWorld, testPassword, type World } from '../../test/world.js';
import { testAppWith, tryLogin } from '../../test/security.js';
import type { App } from '../app.js';
import { contentSecurityPolicy, hstsValue } from './headers.js';

// ASVS 3.4.1–3.4.8 and 14.3.2: security headers on every kind of response, errors included.
let tdb: TestDatabase;
let world: World;
let app: App;
let tlsApp: App;

beforeAll(async () => {
  tdb = await openTestDatabase();
  world = await seedWorld(tdb.db);
  app = await testAppWith(tdb.db);
  tlsApp = await testAppWith(tdb.db, { secureCookies: true });
});

afterAll(async () => {
  await app?.close();
  await tlsApp?.close();
  await tdb?.close();
});

type Probe = { name: string; method: 'GET' | 'POST' | 'HEAD' | 'OPTIONS' | 'DELETE'; url: string; payload?: string | object; headers?: Record<string, string>; session?: boolean };

const probes: Probe[] = [
  { name: 'ok JSON', method: 'GET', url: '/api/v1/auth/me', session: true },
  { name: 'unauthenticated', method: 'GET', url: '/api/v1/auth/me' },
  { name: 'forbidden', method: 'GET', url: '/api/v1/users', session: true },
  { name: 'not found', method: 'GET', url: '/api/v1/finns-inte' },
  { name: 'not found outside the API', method: 'GET', url: '/finns-inte/alls.js' },
  { name: 'bad request', method: 'POST', url: '/api/v1/auth/login', payload: { email: 'inte-en-adress' } },
  { name: 'unparsable JSON', method: 'POST', url: '/api/v1/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } },
  { name: 'unsupported media type', method: 'POST', url: '/api/v1/auth/login', payload: 'a=b', headers: { 'content-type': 'text/plain' } },
  { name: 'wrong method', method: 'DELETE', url: '/api/v1/auth/me' },
  { name: 'HEAD', method: 'HEAD', url: '/api/v1/code-lists', session: true },
  { name: 'CORS preflight', method: 'OPTIONS', url: '/api/v1/auth/login', headers: { origin: 'https://evil.example' } },
  { name: 'CSV export', method: 'GET', url: '/api/v1/reports/outcomes.csv?intervention=KOMMUNINSATS&from=2024-01-01&to=2024-12-31', session: true },
  { name: 'OpenAPI document', method: 'GET', url: '/api/docs/json' },
  { name: 'SSO not configured', method: 'GET', url: '/api/v1/auth/oidc/start' },
  { name: 'web app', method: 'GET', url: '/' },
  { name: 'malformed URL', method: 'GET', url: '/%zz' },
  { name: 'malformed URL in the API', method: 'GET', url: '/api/v1/enrolments/%E0%A4%A' },
  { name: 'NUL in the URL', method: 'GET', url: '/%00' },
  { name: 'body too large', method: 'POST', url: '/api/v1/auth/login', payload: JSON.stringify({ email: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } },
  { name: 'unknown API path, write', method: 'POST', url: '/api/v1/finns-inte', payload: {} },
];

const tokens = new Map<App, string>();

async function send(target: App, probe: Probe) {
  if (probe.session && !tokens.has(target)) tokens.set(target, (await tryLogin(target, world.users.kommunWorker.email, testPassword)).token!);
  const token = probe.session ? tokens.get(target) : undefined;
  return target.inject({
    method: probe.method,
    url: probe.url,
    headers: probe.headers,
    ...(probe.payload !== undefined && { payload: probe.payload }),
    ...(token && { cookies: { stegvis_session: token } }),
  });
}

describe('security headers', () => {
  it('the policy allows own scripts and styles and data: images, never unsafe-inline', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("style-src 'self'");
    expect(contentSecurityPolicy).toContain("img-src 'self' data:");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });

  it.each(probes)('are on every response: $name', async (probe) => {
    const response = await send(app, probe);
    const h = response.headers;
    expect(h['content-security-policy'], `${response.statusCode}`).toBe(contentSecurityPolicy);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['strict-transport-security']).toBeUndefined();
    if (probe.url.startsWith('/api/')) expect(h['cache-control']).toBe('no-store');
    expect(h['access-control-allow-origin']).toBeUndefined();
  });

  it.each(probes)('carry HSTS behind TLS: $name', async (probe) => {
    const response = await send(tlsApp, probe);
    expect(response.headers['strict-transport-security']).toBe(hstsValue);
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('are on a 429 as well', async () => {
    for (let i = 0; i < 10; i++) await tryLogin(app, 'nagon@kommun.test', 'fel-fel-fel-fel', { remoteAddress: '198.51.100.9' });
    const limited = await tryLogin(app, 'nagon@kommun.test', 'fel-fel-fel-fel', { remoteAddress: '198.51.100.9' });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(limited.headers['x-content-type-options']).toBe('nosniff');
  });
});
