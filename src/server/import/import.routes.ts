// POST /api/v1/imports/{organisations|interventions|enrolments}?dryRun=true|false with the CSV file
// as the body. 200 with the summary, or 400 listing every error by row, column and reason.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { errorBody, fieldError } from '../../core/schemas/common.js';
import type { Permission } from '../access/roles.js';
import type { App } from '../app.js';
import { contextOf } from '../context.js';
import { badRequest } from '../errors.js';
import { runImport, type ImportKind } from './import.service.js';

/** A förbund's enrolments for ten years fit well within this. */
export const maxImportBytes = 20 * 1024 * 1024;

const kinds: Record<ImportKind, Permission> = {
  organisations: 'organisation:write',
  interventions: 'intervention:write',
  enrolments: 'enrolment:write',
  activities: 'enrolment:write',
};

const tags = ['Import'];
const querystring = z.object({
  dryRun: z.enum(['true', 'false'], { message: 'Ange dryRun=true eller dryRun=false' }).default('false'),
});
const summary = z.object({
  ok: z.literal(true),
  dryRun: z.boolean(),
  alreadyImported: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  anonymous: z.number(),
  rows: z.number(),
});
const rowError = z.object({ row: z.number(), column: z.string(), reason: z.string() });
// Other 400s (a bad query string) carry the usual { path, message } errors.
const importErrorBody = z.object({ code: z.string(), message: z.string(), errors: z.array(z.union([rowError, fieldError])) });

export async function importRoutes(app: App) {
  // The file is the body, as bytes: the duplicate-file rule hashes exactly what was sent.
  // Encapsulated in this plugin, so the rest of the API keeps Fastify's own text/plain parser.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: maxImportBytes }, (_request, body, done) =>
    done(null, body),
  );

  for (const [kind, permission] of Object.entries(kinds) as [ImportKind, Permission][]) {
    app.post(`/api/v1/imports/${kind}`, {
      config: { permission },
      bodyLimit: maxImportBytes,
      schema: {
        tags,
        summary: `Importera ${kind}.csv (text/csv, UTF-8)`,
        consumes: ['text/csv', 'text/plain'],
        querystring,
        response: { 200: summary, 400: importErrorBody, 401: errorBody, 403: errorBody },
      },
      handler: async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw badRequest('Skicka filen som text/csv (UTF-8) i begärans kropp.', [{ path: 'body', message: 'Ingen CSV-fil' }]);
        }
        const ctx = contextOf(request, permission);
        const result = await runImport(ctx.db, kind, body, {
          dryRun: request.query.dryRun === 'true',
          audit: ctx.audit,
          userId: ctx.actor.userId,
          scope: ctx.scope,
        });
        if (result.ok) return result;
        logRejected(request, kind, result.errors.length);
        return reply.code(400).send({
          code: 'bad_request',
          message: `Filen importerades inte: ${result.errors.length} fel. Rätta raderna och importera filen igen; inget har sparats.`,
          errors: result.errors,
        });
      },
    });
  }
}

// Counts only: error reasons can quote values of the file.
function logRejected(request: FastifyRequest, kind: ImportKind, errors: number) {
  request.log.info({ kind, errors }, 'import rejected');
}
