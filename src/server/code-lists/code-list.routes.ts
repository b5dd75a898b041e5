import { z } from 'zod';
import type { App } from '../app.js';
import { listCodeLists } from './code-list.repository.js';

const entry = z.object({
  list: z.string(),
  code: z.string(),
  label: z.string(),
  group: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export async function codeListRoutes(app: App) {
  app.get('/api/v1/code-lists', {
    config: { permission: 'codelist:read' },
    schema: { tags: ['Kodlistor'], querystring: z.object({ list: z.string().max(64).optional() }), response: { 200: z.array(entry) } },
    handler: async (request) =>
      (await listCodeLists(app.db, request.query.list)).map((r) => ({
        list: r.list,
        code: r.code,
        label: r.label,
        group: r.group_code,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      })),
  });
}
