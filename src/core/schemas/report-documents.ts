import { z } from 'zod';
import { reportCellSchema, reportColumnKinds, reportDocumentSchema } from '../reports/document.js';
import { reportKinds, templateSectionSchema, templateSectionsSchema } from '../reports/templates.js';
import { id, isoDate, ref, shortText, text } from './common.js';

export const reportStatuses = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type ReportStatusCode = (typeof reportStatuses)[number];

const longText = (max: number) => text().max(max, `Högst ${max} tecken`);

export const templateView = z.object({
  id,
  name: z.string(),
  kind: z.enum(reportKinds),
  /** null for a template shipped with Stegvis. */
  association: ref.nullable(),
  sections: z.array(templateSectionSchema),
  can: z.object({ edit: z.boolean() }),
});
export const templateList = z.object({
  templates: z.array(templateView),
  /** The förbund the reader may copy a template to. */
  copyTo: z.array(ref),
});
export const templateCopyInput = z.object({ basedOn: id, associationId: id, name: shortText(120).min(1, 'Ge mallen ett namn') });
export const templateChangeInput = z.object({ name: shortText(120).min(1, 'Ge mallen ett namn'), sections: templateSectionsSchema });

/**
 * A report for a period: `period` names a tertial (2026-T2), a year (2026) or the project period
 * (project); a delrapport may instead give `from` and `to` (as a calendar month, tertial, year or
 * the project period: figures that leave the controlling organisation exist only for those).
 */
export const documentCreateInput = z
  .object({ templateId: id, period: shortText(16).optional(), from: isoDate.optional(), to: isoDate.optional() })
  .refine((b) => b.period !== undefined || (b.from !== undefined && b.to !== undefined), { path: ['period'], message: 'Välj rapportens period' });
export type DocumentCreateInput = z.output<typeof documentCreateInput>;

export const documentSummary = z.object({
  id,
  title: z.string(),
  intervention: ref,
  templateName: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(reportStatuses),
  /** The newest submitted version; 0 before the first submission. */
  version: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  updatedAt: z.string(),
});
export const documentList = z.object({
  documents: z.array(documentSummary),
  /** Templates the reader may start a report from (the lead of the intervention only). */
  can: z.object({ create: z.boolean() }),
});
export const publishedList = z.object({ documents: z.array(documentSummary) });

const differenceView = z.object({
  section: z.string(),
  table: z.string(),
  row: z.string(),
  column: z.string(),
  kind: z.enum(reportColumnKinds),
  frozen: reportCellSchema,
  today: reportCellSchema,
  difference: z.number().nullable(),
});

export const documentView = documentSummary.extend({
  /** The version shown: the newest one (the published one for a board member); null for a draft never submitted. */
  shown: z.object({ version: z.number().int(), sha256: z.string(), submittedBy: z.string(), submittedAt: z.string() }).nullable(),
  /** The frozen content of the version shown, or the draft as it fills today. */
  document: reportDocumentSchema,
  sections: z.array(templateSectionSchema),
  narratives: z.record(z.string(), z.string()),
  questions: z.array(z.object({ id, question: z.string(), askedAt: z.string(), reply: z.string().nullable(), repliedAt: z.string().nullable() })),
  history: z.array(z.object({ version: z.number().int(), status: z.enum(reportStatuses), message: z.string().nullable(), by: z.string(), at: z.string() })),
  /** Figures of the version shown that differ today ("fruset värde / värde i dag"). */
  differences: z.array(differenceView),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    return: z.boolean(),
    approve: z.boolean(),
    publish: z.boolean(),
    newVersion: z.boolean(),
    ask: z.boolean(),
    answer: z.boolean(),
  }),
});

export const narrativesInput = z.object({ narratives: z.record(z.string().max(40), longText(20_000)) });
export const statusInput = z.object({
  to: z.enum(reportStatuses, { message: 'Välj vad som ska hända med rapporten' }),
  message: longText(4000).trim().nullable().default(null),
});
export const questionInput = z.object({ question: longText(4000).trim().min(1, 'Skriv frågan') });
export const replyInput = z.object({ reply: longText(20_000).trim().min(1, 'Skriv svaret') });
export const fileQuery = z.object({ format: z.enum(['pdf', 'docx', 'xlsx', 'csv'], { message: 'Välj format: pdf, docx, xlsx eller csv' }) });

/** How the document itself names its status (the web app has its own texts for its pages). */
export const reportStatusLabels: Record<ReportStatusCode, string> = {
  draft: 'Utkast',
  submitted: 'Inlämnad',
  returned: 'Återlämnad för komplettering',
  approved: 'Godkänd',
  published: 'Publicerad',
};
