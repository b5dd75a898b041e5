// The outcomes report (domain.md, "Outcomes report") as a report document, for its XLSX, DOCX
// and PDF: the flow, the exits by reason and the share to work or studies, as on the report page.
import { reportGenderLabels } from '../code-lists.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import type { ReportDocument, ReportTable } from './document.js';
import { cellOf, flowChart, flowTable, periodText, scopeText, smallNumbersMeta, workOrStudiesChart, workOrStudiesTable } from './key-figures-document.js';

const genders = ['woman', 'man', 'other', 'total'] as const;

function exitReasonsTable(report: OutcomesReport): ReportTable {
  return {
    caption: 'Avslut per orsak och kön',
    columns: [
      { key: 'reason', label: 'Avslutsorsak', kind: 'text' },
      ...genders.map((g) => ({ key: g, label: reportGenderLabels[g], kind: 'count' as const })),
      { key: 'share', label: 'Andel', kind: 'share' },
    ],
    rows: report.exit_reasons.map((row) => ({
      reason: row.label,
      ...Object.fromEntries([...genders, 'share'].map((key) => [key, cellOf(row, key)])),
    })),
    notes: report.exit_reasons.length === 0 ? ['Inga avslut under perioden.'] : ['Andel: av alla avslut under perioden.'],
  };
}

export function outcomesDocument(report: OutcomesReport): ReportDocument {
  return {
    title: `Resultatrapport ${periodText(report.period)} – ${scopeText(report.scope)}`,
    meta: [
      { label: 'Avser', value: scopeText(report.scope) },
      { label: 'Period', value: `${report.period.from} – ${report.period.to}` },
      smallNumbersMeta(report.rules.suppression_threshold),
    ],
    sections: [
      { heading: 'Deltagarflöde', blocks: [{ kind: 'chart', chart: flowChart(flowTable(report.flow)) }] },
      {
        heading: 'Avslut',
        blocks: [
          { kind: 'table', table: exitReasonsTable(report) },
          { kind: 'chart', chart: workOrStudiesChart(workOrStudiesTable(report)) },
        ],
      },
    ],
  };
}
