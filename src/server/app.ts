import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
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
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { AppError } from './errors.js';
import { authPlugin } from './auth/auth.plugin.js';
import { registerRoutes } from './routes.js';
import { securityHeaders } from './security/headers.js';
import { loggerOptions, type LogStream } from './security/logging.js';
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
    genReqId: () => randomUUID(),
    // Only named proxies may set the client address that login limits count (ASVS 6.3.1).
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', db);
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ code: 'not_found', message: 'Sidan eller uppgiften finns inte.', errors: [] });
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
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.code(status).send({ code: 'bad_request', message: 'Begäran kunde inte tolkas.', errors: [] });
  }
    const { name, message, code } = error as { name?: string; message?: string; code?: string };
  // Only name, message and code: a driver error's `detail` can quote the values of a row.
  request.log.error({ err: { name, message, code } }, 'unhandled error');
  return reply.code(500).send({ code: 'internal', message: 'Ett oväntat fel inträffade. Försök igen.', errors: [] });
}
