import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, webStatic } from './static.js';

// Issue 9 item 8: the built web app is served compressed (brotli or gzip, as the browser takes
// it), hashed assets with a year's immutable cache, index.html with no-cache.
let dir: string;
let app: FastifyInstance;
const script = `export const text = ${JSON.stringify('Stegvis '.repeat(2000))};\n`;
const html = `<!doctype html><html lang="sv"><title>Stegvis</title>${'<!-- x -->'.repeat(200)}</html>\n`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'logo-AbC123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  app = Fastify();
  await app.register(webStatic, { webDir: dir });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static web app', () => {
  it('serves a hashed asset with brotli and a long immutable cache', async () => {
    const res = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('serves gzip to a client without brotli, and plain text to one that takes neither', async () => {
    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
    const refused = await get('/assets/index-AbC123.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('serves index.html (also for an app route) compressed with no-cache', async () => {
    for (const url of ['/', '/deltagare/ny']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(html);
    }
  });

  it('answers a path too long for the file system with the app, not an error (found by the fuzzer)', async () => {
    const res = await get(`/enkat/${'a'.repeat(100_000)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Stegvis</title>');
    expect((await get(`/${'b'.repeat(5000)}.js`)).statusCode).toBe(404);
  });

  it('does not compress images again', async () => {
    const res = await get('/assets/logo-AbC123.png', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('chooses the encoding from Accept-Encoding', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
