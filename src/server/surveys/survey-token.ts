import { createHash, randomBytes } from 'node:crypto';
import qrcode from 'qrcode-generator';

// A survey link's token: 256 random bits as base64url (43 characters), unguessable and carrying
// nothing about anyone. Only its sha256 is stored, as for sessions: the database alone cannot
// answer a survey.

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export function newSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSurveyToken(token) };
}

export const hashSurveyToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A string that cannot be a token is refused before any lookup. */
export const isSurveyTokenShaped = (value: string) => tokenShape.test(value);

/** The participant's page of a token. */
export const surveyPath = (token: string) => `/enkat/${token}`;

/** The QR code of a link as an SVG image, drawn on the server (no script, scales for print). */
export function qrSvg(url: string, label: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(url, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const margin = 4;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) path += `M${col + margin} ${row + margin}h1v1h-1z`;
  }
  const box = size + 2 * margin;
  const escaped = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" role="img" aria-label="${escaped}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
