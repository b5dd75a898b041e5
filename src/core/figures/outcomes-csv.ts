import { reportGenderLabels } from '../code-lists.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';

const flowLabels = {
  enrolled: 'Inskrivna',
  active: 'Deltagare under perioden',
  exited: 'Avslutade',
  anonymous: 'Anonymt registrerade',
} as const;

const cell = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The outcomes report as one CSV table for spreadsheets: Swedish headers, one line per flow
 * figure, exit reason and the work-or-studies line. A suppressed cell is empty; shares are
 * fractions with a decimal point, as in the JSON.
 */
export function outcomesToCsv(report: OutcomesReport): string {
  const header = ['Avsnitt', 'Kod', 'Benämning', reportGenderLabels.woman, reportGenderLabels.man, reportGenderLabels.other, reportGenderLabels.total, 'Under 30', 'Andel'];
  const lines: string[][] = [header];
  for (const key of ['enrolled', 'active', 'exited', 'anonymous'] as const) {
    const line = report.flow[key];
    lines.push(['Flöde', key, flowLabels[key], cell(line.woman), cell(line.man), cell(line.other), cell(line.total), 'under_30' in line ? cell(line.under_30) : '', '']);
  }
  for (const row of report.exit_reasons) {
    lines.push(['Avslutsorsak', row.code, row.label, cell(row.woman), cell(row.man), cell(row.other), cell(row.total), '', cell(row.share)]);
  }
  const ws = report.work_or_studies;
  lines.push(['Arbete eller studier', 'work_or_studies', 'Antal till arbete eller studier', cell(ws.woman.count), cell(ws.man.count), cell(ws.other.count), cell(ws.total.count), '', cell(ws.total.share)]);
  return lines.map((line) => line.map(quote).join(',')).join('\n') + '\n';
}
