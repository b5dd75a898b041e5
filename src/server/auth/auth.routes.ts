import { z } from 'zod';
import type { App } from '../app.js';
import { loginRequest, meResponse } from '../../core/schemas/auth.js';
import { errorBody } from '../../core/schemas/common.js';
import { rolesOf } from '../access/actor.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './password.js';
import { absoluteTimeoutMs, createSession, endSession, sessionCookie, touchSession } from './sessions.js';

const tags = ['Inloggning'];

export async function authRoutes(app: App) {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.secureCookies,
    maxAge: absoluteTimeoutMs / 1000,
  };

  app.post('/api/v1/auth/login', {
    config: { permission: 'public' },
    schema: { tags, body: loginRequest, response: { 200: z.object({ csrfToken: z.string() }), 401: errorBody } },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      const user = await app.db
        .selectFrom('users')
        .select(['id', 'password_hash'])
        .where('email', '=', email)
        .where('active', '=', true)
        .executeTakeFirst();
      // One answer for unknown accounts and wrong passwords, so accounts cannot be discovered.
      const ok = await verifyPassword(user?.password_hash ?? null, password);
      if (!user || !ok) throw new AppError('unauthenticated', 'Fel e-postadress eller lösenord.');
      // A new token at every login: a session id planted before login is worthless.
      const oldToken = request.cookies[sessionCookie];
      if (oldToken) await endSession(app.db, oldToken);
      const { token, csrfToken } = await createSession(app.db, user.id);
      reply.setCookie(sessionCookie, token, cookieOptions);
      return { csrfToken };
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags, response: { 204: z.null() } },
    handler: async (request, reply) => {
      if (request.sessionToken) await endSession(app.db, request.sessionToken);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/auth/me', {
    config: { permission: 'authenticated' },
    schema: { tags, response: { 200: meResponse } },
    handler: async (request) => {
      const actor = request.actor!;
      const session = await touchSession(app.db, request.sessionToken!);
      return {
        user: { id: actor.userId, email: actor.email, displayName: actor.displayName, organisationId: actor.organisationId },
        roles: rolesOf(actor),
        assignments: actor.assignments,
        csrfToken: session!.csrfToken,
      };
    },
  });
}
