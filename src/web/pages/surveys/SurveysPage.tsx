import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { formatNumber, formatPercent } from '../../i18n/format';
import { get, post, query } from '../../lib/api';
import { interventionsQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { Button } from '../../components/Button';
import { ErrorNotice, Notice } from '../../components/Notice';
import { FreeTextSection } from './FreeTextSection';
import { LinkCard, type SurveyLink } from './LinkCard';
import { ResultsQuestion, type QuestionResult } from './ResultsQuestion';
import { StepChangeTable } from './StepChangeTable';
import { VariantField } from './VariantField';

type Cell = number | null;
type Results = {
  suppressed: boolean;
  responseRates: { variant: string; sent: Cell; answered: Cell; rate: Cell; anonymous: Cell }[];
  questions: QuestionResult[];
  can: { readFreeText: boolean; createLink: boolean };
};

/** Survey results of one intervention (issue 13), and its anonymous link. */
export function SurveysPage() {
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const [interventionId, setInterventionId] = useState('');
  const [variant, setVariant] = useState('');
  // First the user's own interventions (those whose report they may open), as on the report page.
  const chosen = interventionId || (interventions.find((i) => i.can.report) ?? interventions[0])?.id || '';
  const results = useQuery({
    queryKey: ['survey-results', chosen, variant],
    queryFn: () => get<Results>(`/api/v1/interventions/${chosen}/survey-results${query({ variant: variant || undefined })}`),
    enabled: chosen !== '',
  });
  const [link, setLink] = useState<SurveyLink | null>(null);
  const [linkVariant, setLinkVariant] = useState('during');
  const [linkError, setLinkError] = useState<unknown>(null);
  const makeLink = async () => {
    setLinkError(null);
    try {
      setLink(await post<SurveyLink>(`/api/v1/interventions/${chosen}/survey-link`, { variant: linkVariant }));
    } catch (error) {
      setLinkError(error);
    }
  };
  const r = results.data;
  const keys = r?.questions.map((q) => q.key) ?? [];
  return (
    <div className="stack">
      <PageHeader title={t.surveys.resultsTitle} intro={t.surveys.resultsIntro} />
      <div className="card form-grid">
        <SelectField label={t.surveys.intervention} name="intervention" value={chosen} onChange={setInterventionId} options={interventions.map((i) => ({ value: i.id, label: i.name }))} />
        <VariantField value={variant} onChange={setVariant} withAll />
      </div>
      <ErrorNotice error={results.error} />
      {r?.suppressed && <Notice>{t.surveys.suppressed}</Notice>}
      {r && (
        <>
          <section aria-labelledby="rates">
            <h2 id="rates">{t.surveys.rates}</h2>
            <div className="table-wrap">
              <table className="data">
                <caption>{t.surveys.ratesCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.surveys.variant}</th>
                    <th scope="col" className="num">{t.surveys.sentCount}</th>
                    <th scope="col" className="num">{t.surveys.answered}</th>
                    <th scope="col" className="num">{t.surveys.rate}</th>
                    <th scope="col" className="num">{t.surveys.anonymous}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.responseRates.map((rate) => (
                    <tr key={rate.variant}>
                      <th scope="row">{t.surveys.variants[rate.variant]}</th>
                      <td className="num">{formatNumber(rate.sent)}</td>
                      <td className="num">{formatNumber(rate.answered)}</td>
                      <td className="num">{formatPercent(rate.rate)}</td>
                      <td className="num">{formatNumber(rate.anonymous)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <StepChangeTable questions={r.questions} />
          <h2>{t.surveys.answer}</h2>
          {r.questions.length === 0 && <p>{t.surveys.noAnswers}</p>}
          {r.questions.map((q) => (
            <ResultsQuestion key={q.id} question={q} showVersion={keys.filter((k) => k === q.key).length > 1} />
          ))}
          {r.can.readFreeText && <FreeTextSection interventionId={chosen} />}
          {r.can.createLink && (
          <section className="card" aria-labelledby="anonymous-link">
            <h2 id="anonymous-link">{t.surveys.anonymousLink}</h2>
            <p>{t.surveys.anonymousIntro}</p>
            <ErrorNotice error={linkError} />
            <div className="form-grid">
              <VariantField value={linkVariant} onChange={setLinkVariant} />
              <div className="actions">
                <Button variant="secondary" onPress={makeLink}>{t.surveys.anonymousCreate}</Button>
              </div>
            </div>
            {link && <LinkCard link={link} />}
          </section>
          )}
        </>
      )}
    </div>
  );
}
