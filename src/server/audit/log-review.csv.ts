import { defuseFormula } from '../../core/formula-injection.js';
import { labelled } from './log-review.presenter.js';
import type { AccessRow } from './log-review.schemas.js';

const columns: [keyof ReturnType<typeof labelled>, string][] = [
  ['at', 'Tidpunkt (UTC)'],
  ['userName', 'Användare'],
  ['userEmail', 'E-post'],
  ['organisation', 'Organisation'],
  ['role', 'Roll'],
  ['action', 'Åtgärd'],
  ['entity', 'Uppgift'],
  ['personId', 'Person-id'],
  ['personName', 'Namn'],
  ['participantRef', 'Deltagarreferens'],
  ['protected', 'Skyddade personuppgifter'],
  ['enrolmentId', 'Inskrivnings-id'],
  ['purpose', 'Ändamål'],
  ['outcome', 'Utfall'],
  ['requestId', 'Begäran-id'],
];

// The purpose is typed by the client and names by users: defused against formula injection.
const quote = (value: string) => (/[";,\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The rows as CSV with Swedish headers for people: it opens as a table in Swedish Excel (UTF-8
 * with a byte order mark, semicolons), as the outcomes report's file for Excel.
 */
export function accessesToCsv(rows: AccessRow[]): string {
  const lines = [columns.map(([, header]) => header)];
  for (const row of rows) {
    const cells = labelled(row);
    lines.push(columns.map(([key]) => defuseFormula(cells[key])));
  }
  return '\uFEFF' + lines.map((line) => line.map(quote).join(';')).join('\n') + '\n';
}
