import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.js';
import { contentSecurityPolicy } from '../security/headers.js';
import { surveyCss, surveyJs } from './participant-assets.js';
import { showSurvey, submitSurvey, thanks, tooMany, type Page } from './participant.service.js';
import { surveyLimiter } from './survey-limit.js';

// The participant's own small page (issue 13): public, HTML from the server, outside the staff
// app and the API. Every route here is rate limited per client address; the token sits in the
// path (logged only as the route pattern, never as the URL; Referrer-Policy: no-referrer).

/** The one CSP, with the inlined style sheet allowed by its hash (no 'unsafe-inline'). */
const pagePolicy = contentSecurityPolicy.replace("style-src 'self'", `style-src 'self' 'sha256-${createHash('sha256').update(surveyCss).digest('base64')}'`);

function send(request: FastifyRequest, reply: FastifyReply, page: Page) {
  // Answers and links are never kept by a browser or proxy.
  reply.header('cache-control', 'no-store');
  if ('location' in page) return reply.code(303).header('location', page.location).send();
  reply.code(page.status).type('text/html; charset=utf-8').header('vary', 'accept-encoding');
  // Compressed on a slow connection: a page of questions shrinks to a fifth.
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(gzipSync(page.html));
  return reply.send(page.html);
}

function parseForm(body: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const known = form[key];
    form[key] = known === undefined ? value : [known, value].flat();
  }
  return form;
}

export async function participantRoutes(app: App) {
  const allow = surveyLimiter(app.config.surveyRequestsPerMinute);
  app.addHook('onRequest', async (request, reply) => {
    if (!allow(request.ip)) return send(request, reply, tooMany);
  });
  // After the app's own security headers (a parent's hooks run first): the page's policy.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', pagePolicy);
    return payload;
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });

  const asset = (content: string, type: string) => async (_request: unknown, reply: FastifyReply) =>
    reply.type(type).header('cache-control', 'public, max-age=3600').send(content);
  app.get('/enkat/assets/survey.js', { config: { permission: 'public' } }, asset(surveyJs, 'text/javascript; charset=utf-8'));

  app.get<{ Querystring: { sprak?: string } }>('/enkat/tack', { config: { permission: 'public' } }, async (request, reply) => send(request, reply, thanks(request.query.sprak)));

  app.get<{ Params: { token: string }; Querystring: { sprak?: string } }>('/enkat/:token', { config: { permission: 'public' } }, async (request, reply) =>
    send(request, reply, await showSurvey(app.db, request.params.token, request.query.sprak)),
  );

  app.post<{ Params: { token: string }; Body: unknown }>('/enkat/:token', { config: { permission: 'public' } }, async (request, reply) => {
    const form = request.body && typeof request.body === 'object' ? (request.body as Record<string, string | string[]>) : {};
    return send(request, reply, await submitSurvey(app.db, request.params.token, form, request.id));
  });
}
