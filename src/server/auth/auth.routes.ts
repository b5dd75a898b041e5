import { z } from 'zod';
import type { App } from '../app.js';
import { loginRequest, meResponse } from '../../core/schemas/auth.js';
import { errorBody } from '../../core/schemas/common.js';
import { rolesOf } from '../access/actor.js';
import { navigationCan } from '../access/navigation-policy.js';
import { AppError } from '../errors.js';
import { beginLoginAttempt, forgetLoginAttempt, pruneLoginAttempts } from './login-attempts.js';
import { oidcRoutes } from './oidc.routes.js';
import { verifyPassword } from './password.js';
import { startSession } from './session-start.js';
import { endSession, sessionCookieName } from './sessions.js';

const tags = ['Inloggning'];

export const tooManyAttempts = 'För många misslyckade inloggningsförsök. Vänta en minut och försök igen.';

export async function authRoutes(app: App) {
  app.post('/api/v1/auth/login', {
    config: { permission: 'public' },
    schema: { tags, body: loginRequest, response: { 200: z.object({ csrfToken: z.string() }), 401: errorBody, 429: errorBody } },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      const limit = app.config.loginLimit;
      // Counted before the password is checked, for known and unknown accounts alike (ASVS 6.3.1).
      const attempt = await beginLoginAttempt(app.db, limit, email, request.ip);
      if (attempt.limitedBy) {
        request.log.warn({ event: 'login_limited', limitedBy: attempt.limitedBy }, 'inloggning begränsad');
        reply.header('retry-after', String(limit.windowSeconds));
        throw new AppError('rate_limited', tooManyAttempts);
      }
      const user = await app.db
        .selectFrom('users')
        .select(['id', 'password_hash'])
        .where('email', '=', email)
        .where('active', '=', true)
        .executeTakeFirst();
      // One answer for unknown accounts and wrong passwords, so accounts cannot be discovered.
      const ok = await verifyPassword(user?.password_hash ?? null, password);
      if (!user || !ok) {
        await pruneLoginAttempts(app.db, limit);
        request.log.info({ event: 'login_failed' }, 'misslyckad inloggning');
        throw new AppError('unauthenticated', 'Fel e-postadress eller lösenord.');
      }
      await forgetLoginAttempt(app.db, attempt.id);
      return startSession(request, reply, user.id);
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags, response: { 204: z.null() } },
    handler: async (request, reply) => {
      // Ended on the server (ASVS 7.4.1); the browser is told to drop what it kept (ASVS 14.3.1).
      if (request.sessionToken) await endSession(app.db, request.sessionToken);
      reply.clearCookie(sessionCookieName(app.config.secureCookies), { path: '/', secure: app.config.secureCookies });
      reply.header('clear-site-data', '"cache", "storage"');
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/auth/me', {
    config: { permission: 'authenticated' },
    schema: { tags, response: { 200: meResponse } },
    handler: async (request) => {
      const actor = request.actor!;
      return {
        user: { id: actor.userId, email: actor.email, displayName: actor.displayName, organisationId: actor.organisationId },
        roles: rolesOf(actor),
        can: navigationCan(actor),
        csrfToken: request.csrfToken!,
      };
    },
  });

  await app.register(oidcRoutes);
}
