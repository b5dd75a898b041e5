import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission } from '../access/actor.js';
import { auditDeniedPermission } from '../audit/denied-permission.js';
import { AppError, forbidden } from '../errors.js';
import { sessionCookieName, touchSession } from './sessions.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers a user whose password is temporary (GET /auth/me, POST /auth/password,
     * logout). Deny by default: every other route answers 403 until the password is changed.
     */
    beforePasswordChange?: true;
  }
}

export const passwordChangeRequired =
  'Du har loggat in med ett tillfälligt lösenord. Byt till ett eget lösenord innan du fortsätter.';

/** Resolves the session to an actor and enforces each route's declared permission. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  // Before validation, so a caller without a session learns nothing about a route's schema.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    // No route: the not-found handler answers 404 to every method, with or without a session,
    // so an unknown path reveals nothing (and a write to it is not mistaken for a CSRF attempt).
    if (request.is404) return;
    const permission = request.routeOptions.config?.permission;
    if (!permission) throw forbidden();
    if (permission === 'public') return;
    const token = request.cookies[sessionCookieName(app.config.secureCookies)];
    const found = token ? await touchSession(app.db, token) : null;
    if (!found) {
      throw new AppError('unauthenticated', 'Du är inte inloggad eller din session har gått ut. Logga in igen.');
    }
    const { session, actor } = found;
    // Cookies ride along on cross-site requests; a write must also prove it came from our page.
    if (unsafeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      request.log.warn({ event: 'csrf_rejected', userId: actor.userId }, 'skrivning utan giltig CSRF-token'); // ASVS 16.3.3
      throw new AppError('forbidden', 'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.');
    }
    request.actor = actor;
    request.sessionToken = token!;
    request.csrfToken = session.csrfToken;
    // A temporary password (set by an administrator or the CLI) opens nothing but the change.
    if (actor.passwordMustChange && !request.routeOptions.config?.beforePasswordChange) {
      if (permission !== 'authenticated') await auditDeniedPermission(app.db, request, actor, permission);
      throw new AppError('password_change_required', passwordChangeRequired);
    }
    if (permission !== 'authenticated' && !hasPermission(actor, permission)) {
      request.log.warn({ event: 'access_denied', userId: actor.userId, permission }, 'rollen saknar behörighet'); // ASVS 16.3.2
      await auditDeniedPermission(app.db, request, actor, permission);
      throw forbidden();
    }
  });
});
