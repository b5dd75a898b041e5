import type { FastifyReply } from 'fastify';
import type { App } from '../app.js';
import { surveyCss, surveyJs } from './participant-assets.js';
import { showSurvey, submitSurvey, thanks, tooMany, type Page } from './participant.service.js';
import { surveyLimiter } from './survey-limit.js';

// The participant's own small page (issue 13): public, HTML from the server, outside the staff
// app and the API. Every route here is rate limited per client address; the token sits in the
// path (logged only as the route pattern, never as the URL; Referrer-Policy: no-referrer).

function send(reply: FastifyReply, page: Page) {
  // Answers and links are never kept by a browser or proxy.
  reply.header('cache-control', 'no-store');
  if ('location' in page) return reply.code(303).header('location', page.location).send();
  return reply.code(page.status).type('text/html; charset=utf-8').send(page.html);
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
    if (!allow(request.ip)) return send(reply, tooMany);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });

  const asset = (content: string, type: string) => async (_request: unknown, reply: FastifyReply) =>
    reply.type(type).header('cache-control', 'public, max-age=3600').send(content);
  app.get('/enkat/assets/survey.css', { config: { permission: 'public' } }, asset(surveyCss, 'text/css; charset=utf-8'));
  app.get('/enkat/assets/survey.js', { config: { permission: 'public' } }, asset(surveyJs, 'text/javascript; charset=utf-8'));

  app.get<{ Querystring: { sprak?: string } }>('/enkat/tack', { config: { permission: 'public' } }, async (request, reply) => send(reply, thanks(request.query.sprak)));

  app.get<{ Params: { token: string }; Querystring: { sprak?: string } }>('/enkat/:token', { config: { permission: 'public' } }, async (request, reply) =>
    send(reply, await showSurvey(app.db, request.params.token, request.query.sprak)),
  );

  app.post<{ Params: { token: string }; Body: unknown }>('/enkat/:token', { config: { permission: 'public' } }, async (request, reply) => {
    const form = request.body && typeof request.body === 'object' ? (request.body as Record<string, string | string[]>) : {};
    return send(reply, await submitSurvey(app.db, request.params.token, form, request.id));
  });
}
