import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';

export type LogStream = { write: (line: string) => void };

// Personnummer and samordningsnummer in any common form: 10 or 12 digits, optional - or +.
const personnummerLike = /(?<!\d)(\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;

/** Masks what looks like an identity number; names cannot be recognised, so they are never logged. */
export const maskIdentityNumbers = (text: string) => text.replace(personnummerLike, '[maskerat]');

/**
 * A request is logged by its route pattern (`/api/v1/enrolments/:id`), never by its URL: a query
 * string or a mistaken path can carry names and personnummer (ASVS 16.2.5 — no sensitive data in
 * logs). The request id ties the line to the audit trail, which has the ids.
 */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.routeOptions?.url ?? '(okänd väg)',
    remoteAddress: request.ip,
  };
}

/** Name, code, masked message and stack only: a driver error's detail or a library's `cause` can quote values. */
function errorForLog(error: { name?: string; code?: string; message?: string; stack?: string }) {
  return {
    type: error?.name,
    code: error?.code,
    message: maskIdentityNumbers(String(error?.message ?? '')),
    stack: maskIdentityNumbers(String(error?.stack ?? '')),
  };
}

/**
 * At `debug` and `trace` Fastify logs every request twice in detail ("incoming request" and
 * "request completed", by route pattern as above). At `info`, the default, each request is one
 * short line instead (`shortRequestLog`); errors are logged in full by the error handler.
 */
export const detailedRequestLog = (level: string) => level === 'debug' || level === 'trace';

/**
 * One line a request at info: `GET /api/v1/enrolments/:id 200 4 ms` and the request id (which
 * ties it to the audit trail). The route pattern, never the URL: no ids, no query string.
 */
export function shortRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? '(okänd väg)';
    const ms = Math.round(reply.elapsedTime);
    request.log.info(`${request.method} ${route} ${reply.statusCode} ${ms} ms`);
  });
}

/** Logger options for Fastify; `stream` lets tests collect what would be written (no personal data). */
export function loggerOptions(level: string, stream?: LogStream): FastifyServerOptions['logger'] {
  if (level === 'silent' && !stream) return false;
  return {
    level,
    // No pid and host name on every line: one process, one machine.
    base: null,
    ...(stream && { stream }),
    serializers: {
      req: requestForLog as never,
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: errorForLog as never,
    },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
  };
}
