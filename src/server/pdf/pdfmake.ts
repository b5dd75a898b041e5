import pdfmake from 'pdfmake';

// Every PDF of the server (subject access, log review) uses the standard PDF fonts that pdfkit
// ships (no font files): they cover Windows-1252, which has å, ä, ö and the other Western
// letters. Not PDF/UA (architecture.md): each PDF has an accessible JSON or CSV twin.

const standardFonts = { Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } };
const standardFontNames = new Set(Object.values(standardFonts.Helvetica));

let configured = false;

/**
 * pdfmake is one object for the whole process, configured here once: the standard fonts, no URL
 * may be fetched, and the only "files" that may be read are the standard font names.
 */
export function pdfmakeWithStandardFonts() {
  if (!configured) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => standardFontNames.has(path));
    pdfmake.addFonts(standardFonts);
    configured = true;
  }
  return pdfmake;
}

// Windows-1252: printable Latin-1 plus these at 0x80–0x9F (written out: Node 20's TextDecoder
// reads 'windows-1252' as Latin-1).
const cp1252Extras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const windows1252 = new Set([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i)),
  ...cp1252Extras,
]);

/** Keeps what the standard fonts can draw; other letters lose their accent, or become '?'. */
export function drawable(text: string): string {
  return [...text]
    .map((ch) => {
      if (windows1252.has(ch) || ch === '\n') return ch;
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      return [...base].every((c) => windows1252.has(c)) ? base : '?';
    })
    .join('');
}
