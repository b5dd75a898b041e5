import { t } from '../../i18n/sv';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { QuestionResult } from './ResultsQuestion';

/** Stegförflyttning per question: improved, same and worse among participants with a start and an exit answer. */
export function StepChangeTable({ questions }: { questions: QuestionResult[] }) {
  const rows = questions.filter((q) => q.stepChange);
  if (rows.length === 0) return null;
  const cell = (count: number | null, share: number | null) => (count === null ? t.surveys.hidden : `${formatNumber(count)} (${formatPercent(share)})`);
  return (
    <section aria-labelledby="step-change">
      <h2 id="step-change">{t.surveys.stepChange}</h2>
      <div className="table-wrap">
        <table className="data">
          <caption>{t.surveys.stepChangeCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.surveys.question}</th>
              <th scope="col" className="num">{t.surveys.pairs}</th>
              <th scope="col" className="num">{t.surveys.improved}</th>
              <th scope="col" className="num">{t.surveys.same}</th>
              <th scope="col" className="num">{t.surveys.worse}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, text, version, stepChange: s }) => (
              <tr key={id}>
                <th scope="row">{version > 1 ? `${text} (${t.surveys.version(version)})` : text}</th>
                <td className="num">{formatNumber(s!.pairs)}</td>
                <td className="num">{cell(s!.improved, s!.shares.improved)}</td>
                <td className="num">{cell(s!.same, s!.shares.same)}</td>
                <td className="num">{cell(s!.worse, s!.shares.worse)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
