import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Security headers (CSP without unsafe-inline and so on) come from security/headers.ts for every
// response, these included. Serves the built web app (dist/web, made by `vite build`) on the same origin as the API, so the
// session cookie (SameSite=Strict) and the CSRF header work without CORS. Any GET that is not
// under /api and is not a file answers with index.html: the app's router takes it from there.

/** The package root: this file is src/server/web/static.ts or dist/server/web/static.js. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const defaultWebDir = path.join(packageRoot, 'dist', 'web');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text files worth compressing; images and fonts are compressed already. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

type Encoding = 'br' | 'gzip';

/** The encoding to answer with: brotli when the client takes it, else gzip, else none (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (takes('br')) return 'br';
  if (takes('gzip')) return 'gzip';
  return null;
}

/**
 * Compressed copies, made on first request and kept in memory (the built app is about a
 * megabyte, so a few hundred kilobytes compressed). Keyed by file, size and modification time,
 * so a rebuild behind a running server is seen.
 */
const compressedCache = new Map<string, Buffer>();
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compressed off the main thread; brotli quality 5 is within 3 % of 9 at a quarter of the time. */
async function compressed(file: string, encoding: Encoding): Promise<Buffer> {
  const stat = fs.statSync(file);
  const key = `${file}\0${encoding}\0${stat.size}\0${stat.mtimeMs}`;
  const hit = compressedCache.get(key);
  if (hit) return hit;
  const content = fs.readFileSync(file);
  const body = encoding === 'br'
    ? await brotli(content, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      })
    : await gzip(content, { level: 9 });
  for (const old of compressedCache.keys()) if (old.startsWith(`${file}\0${encoding}\0`)) compressedCache.delete(old);
  compressedCache.set(key, body);
  return body;
}

export async function webStatic(app: FastifyInstance, options: { webDir?: string } = {}) {
  const webDir = path.resolve(options.webDir ?? process.env.STEGVIS_WEB_DIR ?? defaultWebDir);

  const send = async (request: FastifyRequest, reply: FastifyReply, file: string) => {
    const ext = path.extname(file);
    // Vite puts a content hash in every asset name, so assets never change; index.html always may.
    const immutable = file.startsWith(path.join(webDir, 'assets') + path.sep);
    reply
      .type(types[ext] ?? 'application/octet-stream')
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (!compressible.has(ext)) return reply.send(fs.createReadStream(file));
    reply.header('vary', 'Accept-Encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return reply.send(fs.createReadStream(file));
    return reply.header('content-encoding', encoding).send(await compressed(file, encoding));
  };

  /** A file inside webDir, never outside it (no `..`, no symlinked escapes by name). */
  const fileFor = (urlPath: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath.split('?')[0]);
    } catch {
      return null;
    }
    // The file system refuses NUL in a name (it would throw); app.ts refuses such URLs first.
    if (decoded.includes('\0')) return null;
    const file = path.resolve(webDir, `.${path.posix.normalize(`/${decoded}`)}`);
    if (!file.startsWith(webDir + path.sep)) return null;
    try {
      return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
    } catch {
      // A name the file system cannot hold (ENAMETOOLONG, say) names no file either.
      return null;
    }
  };

  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const url = request.url;
    if (url === '/api' || url.startsWith('/api/')) return reply.callNotFound();
    const file = fileFor(url);
    if (file) return send(request, reply, file);
    // A missing asset is a 404, not the app: a stale page must not get HTML for its script.
    if (url.startsWith('/assets/') || path.extname(url.split('?')[0]) !== '') return reply.callNotFound();
    const index = path.join(webDir, 'index.html');
    if (!fs.existsSync(index)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Webbappen är inte byggd. Kör "npm run build" (eller "npm start", som bygger den) och ladda om sidan.');
    }
    return send(request, reply, index);
  });
}
