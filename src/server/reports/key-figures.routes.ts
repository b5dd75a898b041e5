import { z } from 'zod';
import type { App } from '../app.js';
import { reportFileStem } from '../../core/figures/outcomes-csv-excel.js';
import { keyFiguresDocument } from '../../core/reports/key-figures-document.js';
import { code, errorBody, isoDate, shortText } from '../../core/schemas/common.js';
import { keyFiguresReportSchema, type KeyFiguresScope } from '../../core/schemas/key-figures-report.js';
import { contextOf } from '../context.js';
import { sendReportFile } from '../exports/file-reply.js';
import { exportFormats } from '../exports/render.js';
import { keyFiguresFor } from './key-figures.service.js';

type Asked = { intervention?: string; team?: string; organisation?: string; association?: string; from?: string; to?: string; period?: string };

const query = z
  .object({
    intervention: code.optional(),
    /** A team of the intervention, by name (with intervention). */
    team: shortText(100).optional(),
    organisation: code.optional(),
    association: code.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Instead of from and to: 2025-03, 2025-T2, 2025 or project (suppressed figures: these only). */
    period: z.string().max(16).optional(),
    /** Ask for suppressed figures even where exact ones are allowed (intervention and förbund). */
    suppress: z.enum(['true', 'false']).default('false'),
    /** json: domain.md's JSON v1; csv (for Swedish Excel), xlsx, docx, pdf: the report as a file for people. */
    format: z.enum(['json', ...exportFormats], { message: 'Välj format: json, csv, xlsx, docx eller pdf' }).default('json'),
  })
  .superRefine((q: Asked, ctx) => {
    if ([q.intervention, q.organisation, q.association].filter(Boolean).length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['intervention'], message: 'Ange en insats, en organisation eller ett förbund' });
    }
    if (q.team && !q.intervention) ctx.addIssue({ code: 'custom', path: ['team'], message: 'Ange insatsen som teamet hör till' });
    if (q.period !== undefined ? q.from !== undefined || q.to !== undefined : q.from === undefined || q.to === undefined) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'Ange antingen period eller både from och to' });
    }
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Välj ett slutdatum efter startdatum' });
  });

const scopeOf = (q: Asked): KeyFiguresScope =>
  q.intervention ? (q.team ? { intervention: q.intervention, team: q.team } : { intervention: q.intervention }) : q.organisation ? { organisation: q.organisation } : { association: q.association! };

export async function keyFiguresRoutes(app: App) {
  app.get('/api/v1/reports/figures', {
    config: { permission: 'report:outcomes' },
    schema: {
      tags: ['Rapporter'],
      summary: 'Nyckeltal (domain.md, "Key figures report", JSON version 1), eller som fil: CSV, XLSX, DOCX, PDF',
      querystring: query,
      response: { 200: keyFiguresReportSchema.or(z.string().describe('Fil (CSV, XLSX, DOCX, PDF)')), 400: errorBody, 404: errorBody },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request, 'report:outcomes');
      const { from, to, period, suppress, format } = request.query;
      const report = await keyFiguresFor(ctx, {
        scope: scopeOf(request.query),
        period: period ?? { from: from!, to: to! },
        suppress: suppress === 'true',
        threshold: app.config.suppressionThreshold,
      });
      if (format === 'json') return report;
      const scope = request.query.intervention ?? request.query.organisation ?? request.query.association!;
      return sendReportFile(reply, keyFiguresDocument(report), format, `nyckeltal-${reportFileStem(scope, report.period, period)}`);
    },
  });
}
