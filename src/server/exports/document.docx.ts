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

function tableBlock(table: ReportTable): (Paragraph | Table)[] {
  const cell = (text: string, numeric: boolean, bold = false) =>
    new TableCell({ children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold })] })] });
  const header = new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c.label, isNumeric(c.kind), true)) });
  const rows = table.rows.map((row) => new TableRow({ cantSplit: true, children: table.columns.map((c) => cell(formatCell(row[c.key], c.kind), isNumeric(c.kind))) }));
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(table.caption)] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
    ...notesOf(table).map((note) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: note, italics: true, size: 18 })] })),
  ];
}

function chartBlock(chart: ReportChart): (Paragraph | Table)[] {
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(chartSvg(chart)),
    fallback: { type: 'png', data: chartPng(chart) },
    transformation: chartSize,
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
        properties: { page: { size: { width: 11906, height: 16838 } } },
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
