import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

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

/** Security headers on every response, errors and 404 included (ASVS 3.4.1–3.4.8, 14.3.2). */
export const securityHeaders = fp(
  async (app: FastifyInstance) => {
    const tls = app.config.secureCookies;
    app.addHook('onSend', async (request, reply, payload) => {
      reply.header('content-security-policy', contentSecurityPolicy);
      reply.header('x-content-type-options', 'nosniff'); // ASVS 3.4.4
      reply.header('referrer-policy', 'no-referrer'); // ASVS 3.4.5: no URL leaves with a link
      reply.header('x-frame-options', 'DENY'); // for browsers without frame-ancestors
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('cross-origin-resource-policy', 'same-origin'); // ASVS 3.4.8
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
      // HSTS only behind TLS: over plain http it would be ignored, and it pins the host (ASVS 3.4.1).
      if (tls) reply.header('strict-transport-security', hstsValue);
      // API answers may carry person data: no browser or proxy keeps a copy (ASVS 14.3.2).
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'stegvis-security-headers' },
);
