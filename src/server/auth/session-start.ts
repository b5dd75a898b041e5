import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { absoluteTimeoutMs, createSession, endSession, pruneSessions, sessionCookieName } from './sessions.js';

/** The session cookie: never readable by scripts, never sent cross-site, Secure behind TLS (ASVS 3.3.1, 3.3.2, 3.3.4). */
export const sessionCookieOptions = (config: Config) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: config.secureCookies,
  maxAge: absoluteTimeoutMs / 1000,
});

/**
 * Where every login ends, by password or by single sign-on: the session the browser came with is
 * ended and a new token is issued, so a session id planted before login is worthless (ASVS 7.2.4).
 */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<{ csrfToken: string }> {
  const { db, config } = request.server;
  const name = sessionCookieName(config.secureCookies);
  const oldToken = request.cookies[name];
  if (oldToken) await endSession(db, oldToken);
  await pruneSessions(db);
  const { token, csrfToken } = await createSession(db, userId);
  reply.setCookie(name, token, sessionCookieOptions(config));
  request.log.info({ event: 'login', userId }, 'inloggning');
  return { csrfToken };
}
