import { z } from 'zod';
import type { App } from '../app.js';
import { loginRequest, meResponse, passwordChange } from '../../core/schemas/auth.js';
import { errorBody } from '../../core/schemas/common.js';
import { rolesOf } from '../access/actor.js';
import { contextOf } from '../context.js';
import { AppError } from '../errors.js';
import { oidcRoutes } from './oidc.routes.js';
import { changeOwnPassword } from './password-change.service.js';
import { passwordLogin } from './password-login.service.js';
import { startSession } from './session-start.js';
import { endSession, sessionCookieName } from './sessions.js';
import { navigationFor } from './me.service.js';

const tags = ['Inloggning'];

export const tooManyAttempts = 'För många misslyckade inloggningsförsök. Vänta en minut och försök igen.';

export async function authRoutes(app: App) {
  app.post('/api/v1/auth/login', {
    config: { permission: 'public' },
    schema: { tags, body: loginRequest, response: { 200: z.object({ csrfToken: z.string() }), 401: errorBody, 429: errorBody } },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      const limit = app.config.loginLimit;
      const login = await passwordLogin(app.db, limit, email, password, request.ip);
      if (!login.ok && login.limitedBy) {
        request.log.warn({ event: 'login_limited', limitedBy: login.limitedBy }, 'inloggning begränsad');
        reply.header('retry-after', String(limit.windowSeconds));
        throw new AppError('rate_limited', tooManyAttempts);
      }
      if (!login.ok) {
        request.log.info({ event: 'login_failed' }, 'misslyckad inloggning');
        throw new AppError('unauthenticated', 'Fel e-postadress eller lösenord.');
      }
      return startSession(request, reply, login.userId);
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { permission: 'authenticated', beforePasswordChange: true },
    schema: { tags, response: { 204: z.null() } },
    handler: async (request, reply) => {
      // Ended on the server (ASVS 7.4.1); the browser is told to drop what it kept (ASVS 14.3.1).
      if (request.sessionToken) await endSession(app.db, request.sessionToken);
      reply.clearCookie(sessionCookieName(app.config.secureCookies), { path: '/', secure: app.config.secureCookies });
      reply.header('clear-site-data', '"cache", "storage"');
      return reply.code(204).send(null);
    },
  });

  // Also with a temporary password: the web app learns from it that the password must be changed.
  app.get('/api/v1/auth/me', {
    config: { permission: 'authenticated', beforePasswordChange: true },
    schema: { tags, response: { 200: meResponse } },
    handler: async (request) => {
      const actor = request.actor!;
      return {
        user: { id: actor.userId, email: actor.email, displayName: actor.displayName, organisationId: actor.organisationId },
        roles: rolesOf(actor),
        can: await navigationFor(app.db, actor),
        csrfToken: request.csrfToken!,
        mustChangePassword: actor.passwordMustChange === true,
        hasPassword: actor.hasPassword === true,
      };
    },
  });

  // One's own password, with the current one; the other sessions end, this one goes on.
  app.post('/api/v1/auth/password', {
    config: { permission: 'authenticated', beforePasswordChange: true },
    schema: { tags, body: passwordChange, response: { 204: z.null(), 400: errorBody, 429: errorBody } },
    handler: async (request, reply) => {
      const limit = app.config.loginLimit;
      try {
        await changeOwnPassword(contextOf(request, 'authenticated'), limit, { token: request.sessionToken!, address: request.ip }, request.body);
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') reply.header('retry-after', String(limit.windowSeconds));
        throw error;
      }
      return reply.code(204).send(null);
    },
  });

  await app.register(oidcRoutes);
}
