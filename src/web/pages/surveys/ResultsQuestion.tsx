import { useMemo } from 'react';
import { t } from '../../i18n/sv';
import { formatNumber } from '../../i18n/format';
import { BarChart } from '../../components/BarChart';

type Cell = number | null;
export type QuestionResult = {
  id: string;
  key: string;
  version: number;
  kind: string;
  text: string;
  categories: { code: string; label: string; woman: Cell; man: Cell; other: Cell; total: Cell }[];
  respondents: { woman: Cell; man: Cell; other: Cell; total: Cell };
  stepChange: { pairs: Cell; improved: Cell; same: Cell; worse: Cell; shares: { improved: Cell; same: Cell; worse: Cell } } | null;
};

const genders = ['woman', 'man', 'other'] as const;

/** One question: its answers by gender as a chart with the same numbers as a table. */
export function ResultsQuestion({ question: q, showVersion }: { question: QuestionResult; showVersion: boolean }) {
  const title = showVersion ? `${q.text} (${t.surveys.version(q.version)})` : q.text;
  const categories = useMemo(() => q.categories.map((c) => c.label), [q]);
  const series = useMemo(
    () => [...genders.map((g) => ({ name: t.genders[g], values: q.categories.map((c) => c[g]) })), { name: t.genders.total, values: q.categories.map((c) => c.total) }],
    [q],
  );
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      <p>
        {t.surveys.respondents}: {q.respondents.total === null ? t.surveys.hidden : formatNumber(q.respondents.total)}
      </p>
      {q.respondents.total === 0 ? (
        <p>{t.surveys.noAnswers}</p>
      ) : (
        <BarChart
          title={title}
          summary={t.surveys.chartSummary(q.text)}
          categoryHeader={t.surveys.answer}
          categories={categories}
          series={series}
        />
      )}
    </section>
  );
}
