import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { get, post } from '../../lib/api';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';

type FreeText = { responseId: string; questionId: string; question: string; variant: string; text: string | null; hidden: boolean };

/** Free-text answers for the controlling organisation's case workers, with the step that hides a text naming someone. */
export function FreeTextSection({ interventionId }: { interventionId: string }) {
  const url = `/api/v1/interventions/${interventionId}/survey-texts`;
  const list = useQuery({ queryKey: ['survey-texts', interventionId], queryFn: () => get<{ items: FreeText[] }>(url) });
  const queryClient = useQueryClient();
  const toggle = async (item: FreeText) => {
    await post(`${url}/hidden`, { responseId: item.responseId, questionId: item.questionId, hidden: !item.hidden });
    await queryClient.invalidateQueries({ queryKey: ['survey-texts', interventionId] });
  };
  const questions = [...new Set((list.data?.items ?? []).map((i) => i.question))];
  return (
    <section aria-labelledby="free-texts">
      <h2 id="free-texts">{t.surveys.freeTexts}</h2>
      <p>{t.surveys.freeTextsIntro}</p>
      <ErrorNotice error={list.error} />
      {list.data && list.data.items.length === 0 && <p>{t.surveys.noFreeTexts}</p>}
      {questions.map((question) => (
        <div key={question} className="card">
          <h3>{question}</h3>
          <ul className="plain-list">
            {list.data!.items
              .filter((i) => i.question === question)
              .map((i) => (
                <li key={`${i.responseId}-${i.questionId}`}>
                  {i.hidden && <strong>{t.surveys.hiddenMark}: </strong>}
                  {i.text} ({t.surveys.variants[i.variant].toLowerCase()}){' '}
                  <Button variant="quiet" onPress={() => toggle(i)}>{i.hidden ? t.surveys.show : t.surveys.hide}</Button>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
