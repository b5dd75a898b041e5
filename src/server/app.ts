import { randomUUID } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Actor } from './access/actor.js';
import type { Permission } from './access/roles.js';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { forbiddenCharacterMessage } from '../core/text.js';
import { AppError, type ErrorCode } from './errors.js';
import { isDatabaseUnavailable, isForbiddenCharacterError } from './db/pg-errors.js';
import { authPlugin } from './auth/auth.plugin.js';
import { registerRoutes } from './routes.js';
import { admitRequests } from './security/admission.js';
import { securityHeaderEntries, securityHeaders, setSecurityHeaders } from './security/headers.js';
import { detailedRequestLog, loggerOptions, shortRequestLog, type LogStream } from './security/logging.js';
import { routeRegistry } from './security/route-registry.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** The session's CSRF token, for clients that reload (`GET /auth/me`). */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Every route declares what it needs; 'public' is explicit. */
    permission?: Permission | 'public' | 'authenticated';
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Builds the Stegvis server on an open database. Tests build it the same way (`logStream` collects the log). */
export async function buildApp(config: Config, db: Db, options: { logStream?: LogStream } = {}): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    logController: new LogController({ disableRequestLogging: !detailedRequestLog(config.logLevel) }),
    genReqId: () => randomUUID(),
    // Only named proxies may set the client address that login limits count (ASVS 6.3.1).
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    // Fastify's own answers before routing (a URL it cannot decode, an over-long id) would repeat
    // the path and skip the hooks that set the security headers: answer them here instead.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      setSecurityHeaders(reply, config.secureCookies, true);
      reply.code(status).send(errorAnswer(status < 500 ? 'bad_request' : 'internal', frameworkMessage(status)));
    },
    // Malformed HTTP never reaches Fastify's request handling; the answer is written to the socket.
    clientErrorHandler: (error, socket) => answerClientError(error, socket, config.secureCookies),
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', db);
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  if (!detailedRequestLog(config.logLevel)) shortRequestLog(app);
  // First of all hooks: an overloaded server refuses before it does any work.
  admitRequests(app, config.maxRequestsInProgress);
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send(errorAnswer('not_found', 'Sidan eller uppgiften finns inte.'));
  });
  // NUL and other control characters in the path or query string: refused before any route,
  // schema or query sees them (PostgreSQL refuses NUL in text; the file system refuses it in names).
  app.addHook('onRequest', async (request) => {
    if (hasForbiddenUrlCharacter(request.url)) {
      throw new AppError('bad_request', 'Adressen innehåller ett otillåtet tecken. Ta bort det och försök igen.', [
        { path: 'url', message: forbiddenCharacterMessage },
      ]);
    }
  });

  // Deny by default: a route that does not declare its permission stops the server from starting.
  app.addHook('onRoute', (route) => {
    // The OpenAPI document and its viewer describe the API, not data: they are public.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, permission: 'public' };
    const permission = route.config?.permission;
    if (!permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
  });
  await app.register(routeRegistry);
  await app.register(securityHeaders);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Stegvis API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'stegvis_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(authPlugin);
  await registerRoutes(app);
  return app;
}

const errorAnswer = (code: ErrorCode, message: string) => ({ code, message, errors: [] });
export const databaseUnavailableMessage = 'Stegvis når inte databasen just nu. Försök igen om en liten stund.';

/** A control character in the URL, raw or percent-encoded (%00–%08, %0B, %0C, %0E–%1F, %7F). */
const forbiddenInUrl = /[\u0000-\u001F\u007F]|%(?:0[0-8BCEF]|1[0-9A-F]|7F)/i;
export const hasForbiddenUrlCharacter = (url: string) => forbiddenInUrl.test(url);

/** Plain Swedish for the statuses Fastify itself answers with; never the path or a parser's words. */
function frameworkMessage(status: number): string {
  switch (status) {
    case 408:
      return 'Begäran tog för lång tid. Försök igen.';
    case 413:
      return 'Begäran är för stor. Skicka mindre uppgifter, eller dela upp filen.';
    case 414:
      return 'Adressen är för lång. Kontrollera länken och försök igen.';
    case 415:
      return 'Begäran har ett format som inte stöds. Skicka JSON (application/json), eller en CSV-fil till import.';
    case 431:
      return 'Begärans huvuden är för stora. Rensa webbläsarens kakor för webbplatsen och försök igen.';
    default:
      return status >= 500 ? 'Ett oväntat fel inträffade. Försök igen.' : 'Begäran kunde inte tolkas. Kontrollera adressen och uppgifterna och försök igen.';
  }
}

/**
 * Malformed HTTP (a broken request line, a header too large, a timeout): Node hands the socket
 * over before there is a request. Written by hand, like Fastify's default, with the security
 * headers and the usual error shape added.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket, tls: boolean) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify(errorAnswer('bad_request', frameworkMessage(status)));
  const headers = [
    ['content-type', 'application/json; charset=utf-8'],
    ['content-length', String(Buffer.byteLength(body))],
    ['connection', 'close'],
    ...securityHeaderEntries(tls, true),
  ];
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

function errorHandler(this: FastifyInstance, error: unknown, request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) {
  if (error instanceof AppError) {
    return reply.code(error.status).send({ code: error.code, message: error.message, errors: error.errors });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? '';
    const errors = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: issue.message ?? 'Ogiltigt värde',
    }));
    return reply.code(400).send({ code: 'bad_request', message: 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.', errors });
  }
  // The guard behind the schemas: text the database refuses (NUL) is the caller's input, not a
  // server fault. The transaction it happened in is rolled back, so nothing was changed.
  if (isForbiddenCharacterError(error)) {
    return reply.code(400).send({
      code: 'bad_request',
      message: 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.',
      errors: [{ path: 'body', message: forbiddenCharacterMessage }],
    });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.code(status).send(errorAnswer('bad_request', frameworkMessage(status)));
  }
  const { name, message, code, stack } = error as { name?: string; message?: string; code?: string; stack?: string };
  // The database is down or restarting: nothing was committed, and the pool reconnects by itself
  // once it is back, so the caller is told to try again (no stack: this is no fault of the code).
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: { name, message, code } }, 'database unavailable');
    return reply.code(503).header('retry-after', '5').send(errorAnswer('unavailable', databaseUnavailableMessage));
  }
  // In full, but only name, message, code and stack (identity numbers masked by the serializer):
  // a driver error's `detail` can quote the values of a row.
  request.log.error({ err: { name, message, code, stack } }, 'unhandled error');
  return reply.code(500).send(errorAnswer('internal', 'Ett oväntat fel inträffade. Försök igen.'));
}
