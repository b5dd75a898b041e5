import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { labelled } from './log-review.presenter.js';
import type { AccessRow } from './log-review.schemas.js';

// pdfmake is one object for the whole process and persons/subject-access.pdf.ts configures it
// too: the same standard PDF fonts (no font files; Windows-1252 covers å, ä, ö) and the same
// rule for the resource policies, set only where none is (deny every URL, allow only the
// standard font names), so whichever module renders first, both work.
const standardFonts = { Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } };
const standardFontNames = new Set(Object.values(standardFonts.Helvetica));
let configured = false;

function configuredPdfmake() {
  if (!configured) {
    const policies = pdfmake as unknown as { urlAccessPolicy?: unknown; localAccessPolicy?: unknown };
    if (policies.urlAccessPolicy === undefined) pdfmake.setUrlAccessPolicy(() => false);
    if (policies.localAccessPolicy === undefined) pdfmake.setLocalAccessPolicy((file) => standardFontNames.has(file));
    pdfmake.addFonts(standardFonts);
    configured = true;
  }
  return pdfmake;
}

const windows1252 = new Set(new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i)));
/** What the standard fonts cannot draw loses its accent or becomes '?'; the CSV keeps it exact. */
const drawable = (text: string) =>
  [...text]
    .map((ch) => {
      if (windows1252.has(ch) || ch === '\n') return ch;
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      return [...base].every((c) => windows1252.has(c)) ? base : '?';
    })
    .join('');

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
  return configuredPdfmake().createPdf(doc).getBuffer();
}
