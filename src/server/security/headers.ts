import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * One Content Security Policy for the API and the web app (Vite build): scripts, styles, fonts
 * and fetches only from our own origin, images also as data: URIs, no plugins, no framing, no
 * `unsafe-inline` (ASVS 3.4.3). frame-ancestors 'none' is the clickjacking defence (ASVS 3.4.6).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const hstsValue = 'max-age=31536000; includeSubDomains';

/**
 * The security headers of one response (ASVS 3.4.1–3.4.8, 14.3.2). Shared by the onSend hook and
 * by the answers Fastify gives before any route or hook runs (malformed URL, malformed HTTP), so
 * no response leaves without them.
 */
export function securityHeaderEntries(tls: boolean, noStore: boolean): [string, string][] {
  const headers: [string, string][] = [
    ['content-security-policy', contentSecurityPolicy],
    ['x-content-type-options', 'nosniff'], // ASVS 3.4.4
    ['referrer-policy', 'no-referrer'], // ASVS 3.4.5: no URL leaves with a link
    ['x-frame-options', 'DENY'], // for browsers without frame-ancestors
    ['cross-origin-opener-policy', 'same-origin'],
    ['cross-origin-resource-policy', 'same-origin'], // ASVS 3.4.8
    ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ];
  // HSTS only behind TLS: over plain http it would be ignored, and it pins the host (ASVS 3.4.1).
  if (tls) headers.push(['strict-transport-security', hstsValue]);
  if (noStore) headers.push(['cache-control', 'no-store']);
  return headers;
}

/**
 * Sets the security headers on a reply. API answers may carry person data: no browser or proxy
 * keeps a copy (ASVS 14.3.2); `noStore` also for answers given before routing (an error is never
 * worth keeping).
 */
export function setSecurityHeaders(reply: FastifyReply, tls: boolean, noStore: boolean): void {
  for (const [name, value] of securityHeaderEntries(tls, noStore)) reply.header(name, value);
}

/** Security headers on every response, errors and 404 included (ASVS 3.4.1–3.4.8, 14.3.2). */
export const securityHeaders = fp(
  async (app: FastifyInstance) => {
    const tls = app.config.secureCookies;
    app.addHook('onSend', async (request, reply, payload) => {
      setSecurityHeaders(reply, tls, request.url.startsWith('/api/') && !reply.hasHeader('cache-control'));
      return payload;
    });
  },
  { name: 'stegvis-security-headers' },
);
