import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatCell, isNumeric, notesOf } from '../../core/reports/cell-format.js';
import type { ReportBlock, ReportChart, ReportDocument, ReportTable } from '../../core/reports/document.js';
import { chartPng } from './chart.png.js';
import { chartSize, chartSvg } from './chart.svg.js';

// The report as a Word document a lead can go on editing: Title, Heading 1 per section, Heading 2
// per table, real tables whose header row repeats on every page, narrative as paragraphs (never
// markup), charts as SVG images (Word 2016 and later) with a PNG of the bars for older Word, each
// followed by its table. A4, page numbers in the footer.

const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => new Paragraph({ children: p.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) }));

/** A4 (11906 twips) less Word's default margins of 1440 twips a side. */
const textWidth = 11906 - 2 * 1440;
/** The chart as wide as the text (96 pixels to the inch, 1440 twips to the inch). */
const imageSize = { width: Math.floor((textWidth / 1440) * 96), height: Math.floor((textWidth / 1440) * 96 * (chartSize.height / chartSize.width)) };

function tableBlock(table: ReportTable): (Paragraph | Table)[] {
  const cell = (text: string, numeric: boolean, bold = false) =>
    new TableCell({ children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold })] })] });
  const header = new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c.label, isNumeric(c.kind), true)) });
  const rows = table.rows.map((row) => new TableRow({ cantSplit: true, children: table.columns.map((c) => cell(formatCell(row[c.key], c.kind), isNumeric(c.kind))) }));
  // A text column gets twice the width of a number column; together they fill the text width.
  const shares = table.columns.map((c) => (isNumeric(c.kind) ? 1 : 2));
  const total = shares.reduce((s, x) => s + x, 0);
  const columnWidths = shares.map((share) => Math.floor((textWidth * share) / total));
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(table.caption)] }),
    new Table({ width: { size: textWidth, type: WidthType.DXA }, columnWidths, rows: [header, ...rows] }),
    ...notesOf(table).map((note) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: note, italics: true, size: 18 })] })),
  ];
}

function chartBlock(chart: ReportChart): (Paragraph | Table)[] {
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(chartSvg(chart)),
    fallback: { type: 'png', data: chartPng(chart) },
    transformation: imageSize,
    altText: { name: chart.title, title: chart.title, description: `Diagram: ${chart.title}. Siffrorna står i tabellen under.` },
  });
  return [new Paragraph({ spacing: { before: 200 }, keepNext: true, children: [image] }), ...tableBlock(chart.table)];
}

const blockContent = (block: ReportBlock) =>
  block.kind === 'text' ? paragraphsOf(block.text) : block.kind === 'table' ? tableBlock(block.table) : chartBlock(block.chart);

export async function documentToDocx(document: ReportDocument): Promise<Buffer> {
  const doc = new Document({
    title: document.title,
    creator: 'Stegvis',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
          ...document.meta.map((m) => new Paragraph({ children: [new TextRun({ text: `${m.label}: `, bold: true }), new TextRun(m.value)] })),
          ...document.sections.flatMap((section) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(section.heading)] }),
            ...section.blocks.flatMap(blockContent),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
