import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { formatDate, formatNumber } from '../../i18n/format';
import { useCodes } from '../../lib/codes';
import { completionLabel } from '../../lib/completion';
import { interventionsQuery, organisationsQuery, type Enrolment } from '../../lib/queries';

// "Historik": every correction, exit and reopening of the enrolment (issue 9), newest first: when,
// who, which organisation, and what changed old → new. Names and free text show only that they changed.

const codeList: Record<string, string> = {
  incomeBefore: 'income_source',
  incomeAfter: 'income_source',
  occupationBefore: 'occupation',
  occupationAfter: 'occupation',
  education: 'education',
  supportTime: 'support_time',
  targetGroups: 'target_group',
  exitReason: 'exit_reason',
};
const dateFields = new Set(['startDate', 'exitDate']);

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

type Value = string | number | boolean | string[] | null;

export function HistorySection({ enrolment: e }: { enrolment: Enrolment }) {
  const codes = useCodes();
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const teams = interventions.find((i) => i.id === e.intervention.id)?.teams ?? [];

  const show = (field: string, value: Value): string => {
    if (value === null || (Array.isArray(value) && value.length === 0)) return t.correct.empty;
    if (Array.isArray(value)) return codes.labels(codeList[field] ?? '', value);
    if (typeof value === 'boolean') return completionLabel(value);
    if (typeof value === 'number') return formatNumber(value);
    if (dateFields.has(field)) return formatDate(value);
    if (codeList[field]) return codes.label(codeList[field], value);
    if (field === 'referrerId') return organisations.find((o) => o.id === value)?.name ?? value;
    if (field === 'teamId') return teams.find((team) => team.id === value)?.name ?? value;
    return value;
  };

  return (
    <section className="card" aria-labelledby="history">
      <h2 id="history">{t.correct.history}</h2>
      {e.history.length === 0 ? (
        <p>{t.correct.historyEmpty}</p>
      ) : (
        <>
          <p>{t.correct.historyIntro}</p>
          <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t.correct.when}</th>
                <th scope="col">{t.correct.who}</th>
                <th scope="col">{t.correct.organisation}</th>
                <th scope="col">{t.correct.what}</th>
              </tr>
            </thead>
            <tbody>
              {e.history.map((r) => (
                <tr key={r.id}>
                  <td>{when.format(new Date(r.changedAt))}</td>
                  <td>{r.changedBy ?? t.correct.unknownUser}</td>
                  <td>{r.organisation ?? '–'}</td>
                  <td>
                    <strong>{t.correct.kinds[r.kind]}</strong>
                    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                      {r.changes.map((c) => {
                        const label = t.correct.fields[c.field] ?? c.field;
                        return (
                          <li key={c.field}>
                            {c.valuesShown ? t.correct.change(label, show(c.field, c.from), show(c.field, c.to)) : t.correct.changedNoValues(label)}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </section>
  );
}
