import type { DashboardView } from '../../../core/schemas/dashboard';
import { t } from '../../i18n/sv';
import { formatNumber, formatPercent } from '../../i18n/format';
import { TableRegion } from '../../components/TableRegion';

const td = t.dashboard;
const c = td.columns;
const kronor = t.goalsBudget.kronor;

/** The interventions side by side: the table every chart of the page is drawn from. */
export function DashboardTable({ view }: { view: DashboardView }) {
  const numeric = [c.participants, c.volume, c.workOrStudies, c.completion, c.costPerParticipant, c.costPerOutcome, c.goals];
  return (
    <div>
      <TableRegion label={td.tableCaption}>
        <table className="data">
          <caption>{td.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.intervention}</th>
              <th scope="col">{c.owner}</th>
              {numeric.map((header) => <th key={header} scope="col" className="num">{header}</th>)}
            </tr>
          </thead>
          <tbody>
            {view.interventions.map((i) => (
              <tr key={i.code}>
                <th scope="row">{i.name}</th>
                <td>{i.owner}</td>
                {[
                  formatNumber(i.volume.participants), formatPercent(i.volume.share), formatPercent(i.workOrStudies.share), formatPercent(i.completion.share),
                  kronor(i.cost.perParticipant), kronor(i.cost.perOutcome), td.goalsOf(i.goals.met, i.goals.total),
                ].map((text, n) => <td key={numeric[n]} className="num">{text}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {view.period.name.includes('-T') && <p className="muted">{td.noTargetForTertial}</p>}
      <p className="muted">{td.costNote}</p>
    </div>
  );
}
