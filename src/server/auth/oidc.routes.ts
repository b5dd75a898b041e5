import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../app.js';
import { errorBody } from '../../core/schemas/common.js';
import type { OidcConfig } from '../config.js';
import { beginSignOn, completeSignOn, SignOnError } from './oidc-client.js';
import { findSignOnUser } from './sign-on.service.js';
import { flowCookieName, flowTtlMs, saveFlow, takeFlow } from './oidc-flows.js';
import { startSession } from './session-start.js';

const tags = ['Inloggning'];

// The answer from the provider: only these parameters are read; the raw query goes to openid-client.
const callbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
  session_state: z.string().max(1024).optional(),
});

const enabled = (config: OidcConfig | null): OidcConfig => {
  if (!config) throw new SignOnError('disabled');
  return config;
};

const logFailure = (request: FastifyRequest, error: unknown) => {
  if (error instanceof SignOnError) request.log.warn({ event: 'sso_failed', reason: error.reason, detail: error.detail }, 'misslyckad inloggning via organisationen');
};

export async function oidcRoutes(app: App) {
  // The flow cookie must come back on the provider's cross-site redirect, hence Lax, on this path only.
  const flowCookieOptions = {
    path: '/api/v1/auth/oidc',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.secureCookies,
    maxAge: flowTtlMs / 1000,
  };
  const flowCookie = flowCookieName(app.config.secureCookies);

  app.get('/api/v1/auth/oidc/start', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Börja logga in via organisationens inloggningstjänst', response: { 404: errorBody, 500: errorBody } },
    handler: async (request, reply) => {
      try {
        const config = enabled(app.config.oidc);
        const { url, secrets } = await beginSignOn(config);
        reply.setCookie(flowCookie, await saveFlow(app.db, secrets), flowCookieOptions);
        return reply.redirect(url, 303);
      } catch (error) {
        logFailure(request, error);
        throw error;
      }
    },
  });

  app.get('/api/v1/auth/oidc/callback', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Svar från inloggningstjänsten', querystring: callbackQuery, response: { 400: errorBody, 401: errorBody, 404: errorBody, 500: errorBody } },
    handler: async (request, reply) => {
      try {
        const config = enabled(app.config.oidc);
        const secrets = await takeFlow(app.db, request.cookies[flowCookie]);
        reply.clearCookie(flowCookie, { path: flowCookieOptions.path, secure: flowCookieOptions.secure });
        if (!secrets) throw new SignOnError('flow');
        const query = new URLSearchParams(request.url.split('?')[1] ?? '');
        const identity = await completeSignOn(config, secrets, query);
        const userId = await findSignOnUser(app.db, config.issuer, identity);
        // Exactly as a password login from here: rotated session, same cookie, same timeouts.
        await startSession(request, reply, userId);
        return reply.redirect(config.afterLoginPath, 303);
      } catch (error) {
        logFailure(request, error);
        throw error;
      }
    },
  });
}
