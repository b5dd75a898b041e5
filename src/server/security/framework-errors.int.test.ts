import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { testAppWith, tryLogin } from '../../test/security.js';
import { contentSecurityPolicy } from './headers.js';

// Finding 9 (b, c): Fastify's own answers — a URL it cannot decode, unparsable JSON, a body too
// large, a wrong content type, malformed HTTP, an unknown path — carry the security headers and
// the usual error shape in Swedish, never repeat the path, and an unknown API path is 404 for
// every method, whoever asks.
const t = worldFixture();
let session: { token: string; csrfToken: string };

beforeAll(async () => {
  const { token, csrfToken } = await tryLogin(t.app, t.world.users.kommunWorker.email);
  session = { token: token!, csrfToken: csrfToken! };
});

const shape = { code: expect.any(String), message: expect.any(String), errors: [] };
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

describe('Fastify’s own errors', () => {
  it.each([
    { name: 'malformed URL', url: '/%zz', secret: '%zz', status: 400 },
    { name: 'malformed URL in the API, with a personnummer-like id', url: '/api/v1/enrolments/19900101-1234%E0%A4%A', secret: '19900101', status: 400 },
  ])('answer a $name with 400 in the usual shape, without repeating the path', async ({ url, secret, status }) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ ...shape, code: 'bad_request' });
    expect(response.json().message).toMatch(/^Begäran kunde inte tolkas/);
    expect(response.body).not.toContain(secret);
    expect(response.body).not.toMatch(/FST_|valid url/);
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each([
    { name: 'unparsable JSON', payload: '{"email":', type: 'application/json', status: 400, message: /^Begäran kunde inte tolkas/ },
    { name: 'body too large', payload: JSON.stringify({ email: 'x'.repeat(1_100_000) }), type: 'application/json', status: 413, message: /^Begäran är för stor/ },
    { name: 'unsupported content type', payload: 'a=b', type: 'application/x-www-form-urlencoded', status: 415, message: /format som inte stöds/ },
  ])('answer $name with $status in the usual shape and in Swedish', async ({ payload, type, status, message }) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': type } });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ ...shape, code: 'bad_request' });
    expect(response.json().message).toMatch(message);
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('answer malformed HTTP with the security headers and the usual shape', async () => {
    const server = await testAppWith(t.db);
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = server.server.address() as AddressInfo;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /19900101-1234 HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
        let data = '';
        socket.on('data', (chunk) => (data += String(chunk)));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head.toLowerCase()).toContain(`content-security-policy: ${contentSecurityPolicy.toLowerCase()}`);
      expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(head.toLowerCase()).toContain('cache-control: no-store');
      expect(JSON.parse(body)).toEqual({ ...shape, code: 'bad_request' });
      expect(raw).not.toContain('19900101');
    } finally {
      await server.close();
    }
  });
});

describe('an unknown API path', () => {
  it.each(methods)('answers 404 to %s without a session, with one, and with one but no CSRF token', async (method) => {
    const url = '/api/v1/finns-inte/19900101-1234';
    const answers = [
      await t.app.inject({ method, url, ...(method !== 'GET' && method !== 'OPTIONS' && { payload: {} }) }),
      await t.app.inject({ method, url, cookies: { stegvis_session: session.token }, headers: { 'x-csrf-token': session.csrfToken }, ...(method !== 'GET' && method !== 'OPTIONS' && { payload: {} }) }),
      await t.app.inject({ method, url, cookies: { stegvis_session: session.token }, ...(method !== 'GET' && method !== 'OPTIONS' && { payload: {} }) }),
    ];
    for (const response of answers) {
      expect(response.statusCode, `${method} ${response.statusCode}`).toBe(404);
      expect(response.json()).toEqual({ code: 'not_found', message: 'Sidan eller uppgiften finns inte.', errors: [] });
      expect(response.body).not.toContain('19900101');
      expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
    }
  });

  it('answers 404, not 405 or 403, to a known path with a method it does not have', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/code-lists', cookies: { stegvis_session: session.token }, headers: { 'x-csrf-token': session.csrfToken } });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
  });
});
