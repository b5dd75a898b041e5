import type { Content } from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { drawable, pdfmakeWithStandardFonts } from '../pdf/pdfmake.js';
import { labelled } from './log-review.presenter.js';
import type { AccessRow } from './log-review.schemas.js';

export type PdfHeading = {
  title: string;
  organisation: string;
  period: { from: string | null; to: string | null };
  /** Extra lines under the title, e.g. the sample's seed and population. */
  lines: string[];
};

const periodText = (p: PdfHeading['period']) =>
  p.from || p.to ? `${p.from ?? 'början'} – ${p.to ?? 'i dag'}` : 'Hela loggen';

/**
 * The rows as a landscape A4 PDF with Swedish headings: who, what, whose data, when, why,
 * outcome. Not PDF/UA (architecture.md): the CSV is the accessible form of the same rows.
 */
export async function accessesToPdf(rows: AccessRow[], heading: PdfHeading, createdAt: Date): Promise<Buffer> {
  const header = ['När (UTC)', 'Vem', 'Organisation och roll', 'Vad', 'Vems uppgifter', 'Varför (ändamål)', 'Utfall'].map(
    (text) => ({ text, bold: true }),
  );
  const body = rows.map((row) => {
    const cell = labelled(row);
    const whom = [cell.personName, cell.participantRef && `Ref: ${cell.participantRef}`, cell.personId && `Id: ${cell.personId}`]
      .filter(Boolean)
      .join('\n');
    return [
      cell.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      [cell.userName, cell.userEmail].filter(Boolean).join('\n'),
      [cell.organisation, cell.role].filter(Boolean).join('\n'),
      `${cell.action}: ${cell.entity}`,
      (row.protected ? 'Skyddade personuppgifter\n' : '') + (whom || (cell.enrolmentId ? `Inskrivning: ${cell.enrolmentId}` : '–')),
      cell.purpose,
      cell.outcome,
    ].map(drawable);
  });
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 40, 30, 40],
    info: { title: heading.title, creator: 'Stegvis' },
    defaultStyle: { font: 'Helvetica', fontSize: 7 },
    footer: (page: number, pages: number): Content => ({ text: `Sida ${page} av ${pages}`, alignment: 'center', fontSize: 7 }),
    content: [
      { text: heading.title, fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      {
        fontSize: 8,
        margin: [0, 0, 0, 8],
        text: [
          `Organisation: ${drawable(heading.organisation)}\n`,
          `Period: ${periodText(heading.period)}\n`,
          `Antal händelser: ${rows.length}\n`,
          ...heading.lines.map((line) => `${line}\n`),
          `Utskriven: ${createdAt.toISOString()} (UTC)`,
        ],
      },
      rows.length === 0
        ? { text: 'Inga åtkomster i urvalet.', italics: true }
        : {
            table: { headerRows: 1, widths: [62, 110, 100, 80, 150, '*', 40], body: [header, ...body] },
            layout: 'lightHorizontalLines',
          },
    ],
  };
  return pdfmakeWithStandardFonts().createPdf(doc).getBuffer();
}
