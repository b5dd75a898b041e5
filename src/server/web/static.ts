import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

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

export async function webStatic(app: FastifyInstance, options: { webDir?: string } = {}) {
  const webDir = path.resolve(options.webDir ?? process.env.STEGVIS_WEB_DIR ?? defaultWebDir);

  const send = (reply: FastifyReply, file: string) => {
    const ext = path.extname(file);
    // Vite puts a content hash in every asset name, so assets never change; index.html always may.
    const immutable = file.startsWith(path.join(webDir, 'assets') + path.sep);
    reply
      .type(types[ext] ?? 'application/octet-stream')
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.send(fs.createReadStream(file));
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
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
  };

  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const url = request.url;
    if (url === '/api' || url.startsWith('/api/')) return reply.callNotFound();
    const file = fileFor(url);
    if (file) return send(reply, file);
    // A missing asset is a 404, not the app: a stale page must not get HTML for its script.
    if (url.startsWith('/assets/') || path.extname(url.split('?')[0]) !== '') return reply.callNotFound();
    const index = path.join(webDir, 'index.html');
    if (!fs.existsSync(index)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Webbappen är inte byggd. Kör "npm run build" (eller "npm start", som bygger den) och ladda om sidan.');
    }
    return send(reply, index);
  });
}
