import { Link } from '@tanstack/react-router';
import type { KeyFiguresReport } from '../../../core/schemas/key-figures-report';
import { t } from '../../i18n/sv';
import { formatNumber } from '../../i18n/format';
import { TableRegion } from '../../components/TableRegion';

const td = t.drillDown;
const cells = ['woman', 'man', 'other', 'total', 'under_30'] as const;
type Cell = (typeof cells)[number];
type Line = { figure: string; group?: string; label: string; values: Partial<Record<Cell, number | null>> };

/** The lines of the key figures a number of which can be opened: flow, exits by group, work or studies. */
function linesOf(report: KeyFiguresReport): Line[] {
  const wos = report.work_or_studies;
  return [
    ...(['enrolled', 'active', 'exited'] as const).map((figure) => ({ figure, label: td.figures[figure], values: report.flow[figure] })),
    ...report.exit_groups.map((g) => ({ figure: 'exit_group', group: g.group, label: `${td.figures.exit_group} ${td.groups[g.group] ?? g.group}`, values: g })),
    {
      figure: 'work_or_studies',
      label: td.figures.work_or_studies,
      values: { woman: wos.woman.count, man: wos.man.count, other: wos.other.count, total: wos.total.count },
    },
  ];
}

/**
 * The year's key figures as a table; for the controller's case workers of the intervention
 * (`can.drillDown`, decided by the server) each number links to the enrolments behind it.
 */
export function KeyFiguresTable({
  report,
  interventionId,
  period,
  drillDown,
}: {
  report: KeyFiguresReport;
  interventionId: string;
  period: string;
  drillDown: boolean;
}) {
  const number = (line: Line, cell: Cell) => {
    const value = line.values[cell];
    if (value === undefined) return '–';
    if (!drillDown || value === null || value === 0) return formatNumber(value);
    const what = `${line.label.toLowerCase()}, ${td.cells[cell]}`;
    return (
      <Link
        to="/insatser/$id/nyckeltal"
        params={{ id: interventionId }}
        search={{ period, figur: line.figure, grupp: line.group, kolumn: cell }}
        aria-label={td.link(formatNumber(value), what)}
      >
        {formatNumber(value)}
      </Link>
    );
  };
  return (
    <div>
      <TableRegion label={td.keyFigures}>
        <table className="data">
          <caption>{td.keyFigures}</caption>
          <thead>
            <tr>
              <th scope="col">{td.line}</th>
              {cells.map((c) => (
                <th key={c} scope="col" className="num">
                  {c === 'under_30' ? t.report.flowUnder30 : t.genders[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {linesOf(report).map((line) => (
              <tr key={`${line.figure}-${line.group ?? ''}`}>
                <th scope="row">{line.label}</th>
                {cells.map((c) => (
                  <td key={c} className="num">
                    {number(line, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {drillDown && <p className="muted">{td.keyFiguresIntro}</p>}
    </div>
  );
}
