// The content of a report document as boards read it (issue 12): what a template fills with
// figures and narrative, what submitting freezes (its sha256 is the frozen version's hash), and
// the one input of every export format (PDF, DOCX, XLSX, CSV, HTML). Plain data, no formatting:
// each renderer formats numbers by the column's kind, so all formats show the same thing.
import { z } from 'zod';

/** How a column's numbers are shown: count 12, share 0.2462 → "25 %", money 12600 → "12 600 kr". */
export const reportColumnKinds = ['text', 'count', 'share', 'money', 'number'] as const;
export type ReportColumnKind = (typeof reportColumnKinds)[number];

/** A cell: text, a number (a share as a fraction), null for "no value" ("–"), or hidden by small-cell suppression ("Dolt"). */
export const reportCellSchema = z.union([
  z.string(),
  z.number(),
  z.null(),
  z.strictObject({ hidden: z.literal('suppressed') }),
]);
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportTableSchema = z.strictObject({
  /** Names the table in every format (caption, sheet name, CSV section). */
  caption: z.string().min(1),
  columns: z
    .array(z.strictObject({ key: z.string().min(1), label: z.string(), kind: z.enum(reportColumnKinds) }))
    .min(1),
  rows: z.array(z.record(z.string(), reportCellSchema)),
  /** Sentences under the table: definitions, why a cell is hidden. */
  notes: z.array(z.string()).default([]),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

/** A bar chart drawn from a table's columns; every chart is also shown as its table. */
export const reportChartSchema = z.strictObject({
  title: z.string().min(1),
  table: reportTableSchema,
  /** The text column naming each bar group. */
  categoryKey: z.string().min(1),
  /** The numeric columns drawn as series. */
  seriesKeys: z.array(z.string().min(1)).min(1),
});
export type ReportChart = z.infer<typeof reportChartSchema>;

export const reportBlockSchema = z.discriminatedUnion('kind', [
  /** Narrative text; blank lines separate paragraphs. Never interpreted as markup. */
  z.strictObject({ kind: z.literal('text'), text: z.string() }),
  z.strictObject({ kind: z.literal('table'), table: reportTableSchema }),
  z.strictObject({ kind: z.literal('chart'), chart: reportChartSchema }),
]);
export type ReportBlock = z.infer<typeof reportBlockSchema>;

export const reportSectionSchema = z.strictObject({
  heading: z.string().min(1),
  blocks: z.array(reportBlockSchema),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportDocumentSchema = z.strictObject({
  /** "Tertialrapport T2 2026 – Avanti" */
  title: z.string().min(1),
  /** Label–value lines under the title: intervention, period, status, submitted by and when. */
  meta: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  sections: z.array(reportSectionSchema),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/** Every table of a document in reading order, charts' tables included (one XLSX sheet each). */
export function documentTables(document: ReportDocument): ReportTable[] {
  return document.sections.flatMap((section) =>
    section.blocks.flatMap((block) =>
      block.kind === 'table' ? [block.table] : block.kind === 'chart' ? [block.chart.table] : [],
    ),
  );
}
