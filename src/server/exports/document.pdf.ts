import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatCell, isNumeric, notesOf } from '../../core/reports/cell-format.js';
import type { ReportBlock, ReportChart, ReportDocument, ReportTable } from '../../core/reports/document.js';
import { drawable, pdfmakeWithStandardFonts } from '../pdf/pdfmake.js';
import { chartSize, chartSvg } from './chart.svg.js';

// The report as an A4 PDF: title and meta, a heading per section and per table, tables whose
// header row repeats on a new page, charts drawn from ECharts' SVG, page numbers. Not PDF/UA
// (architecture.md): the DOCX, the XLSX and the web page carry the same content accessibly.

const pageWidth = 595.28 - 2 * 50;

function tableContent(table: ReportTable): Content[] {
  const header = table.columns.map((c) => ({ text: drawable(c.label), bold: true, alignment: isNumeric(c.kind) ? 'right' : 'left' }) as const);
  const body = table.rows.map((row) =>
    table.columns.map((c) => ({ text: drawable(formatCell(row[c.key], c.kind)), alignment: isNumeric(c.kind) ? 'right' : 'left' }) as const),
  );
  const widths = table.columns.map((c, i) => (i === 0 && c.kind === 'text' ? '*' : 'auto'));
  return [
    { text: drawable(table.caption), style: 'caption', headlineLevel: 2 },
    { table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...body] }, layout: 'lightHorizontalLines' },
    ...notesOf(table).map((note): Content => ({ text: drawable(note), style: 'note' })),
  ];
}

function chartContent(chart: ReportChart): Content[] {
  const scale = Math.min(1, pageWidth / chartSize.width);
  return [
    { svg: drawable(chartSvg(chart)), width: chartSize.width * scale, font: 'Helvetica', margin: [0, 8, 0, 4] } as Content,
    ...tableContent(chart.table),
  ];
}

const blockContent = (block: ReportBlock, charts: boolean): Content[] =>
  block.kind === 'text'
    ? block.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => ({ text: drawable(p), margin: [0, 0, 0, 6] }) as Content)
    : block.kind === 'table'
      ? tableContent(block.table)
      : charts
        ? chartContent(block.chart)
        : tableContent(block.chart.table);

/** The PDF's definition; without `charts` a chart is only its table (the benchmark's floor). */
export function documentDefinition(document: ReportDocument, { charts = true } = {}): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: drawable(document.title), creator: 'Stegvis' },
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      meta: { fontSize: 9, color: '#333333', margin: [0, 0, 0, 12] },
      heading: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      caption: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      note: { fontSize: 8, italics: true, color: '#333333', margin: [0, 4, 0, 0] },
      footer: { fontSize: 8, alignment: 'center', margin: [0, 16, 0, 0] },
    },
    footer: (page: number, pages: number): Content => ({ text: `Sida ${page} av ${pages}`, style: 'footer' }),
    content: [
      { text: drawable(document.title), style: 'title' },
      { style: 'meta', text: document.meta.flatMap((m) => [{ text: `${drawable(m.label)}: `, bold: true }, `${drawable(m.value)}\n`]) },
      ...document.sections.flatMap((section): Content[] => [
        { text: drawable(section.heading), style: 'heading', headlineLevel: 1 },
        ...section.blocks.flatMap((block) => blockContent(block, charts)),
      ]),
    ],
    // A heading never ends a page: it moves to the next with what follows it (the footer aside).
    pageBreakBefore: (node, nodes) => Boolean(node.headlineLevel) && nodes.getFollowingNodesOnPage().every((n) => n.style === 'footer'),
  };
}

export async function documentToPdf(document: ReportDocument): Promise<Buffer> {
  return pdfmakeWithStandardFonts().createPdf(documentDefinition(document)).getBuffer();
}
