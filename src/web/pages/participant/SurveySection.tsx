import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { get, post } from '../../lib/api';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { LinkCard, type SurveyLink } from '../surveys/LinkCard';
import { VariantField } from '../surveys/VariantField';

type Sending = { id: string; variant: string; sentAt: string; expiresAt: string; status: string };

/** "Enkäter" on the participant's page: the surveys sent, and a new personal link (issue 13). */
export function SurveySection({ enrolmentId }: { enrolmentId: string }) {
  const url = `/api/v1/enrolments/${enrolmentId}/surveys`;
  const list = useQuery({ queryKey: ['surveys', enrolmentId], queryFn: () => get<{ items: Sending[]; can: { send: boolean } }>(url) });
  const queryClient = useQueryClient();
  const [variant, setVariant] = useState('start');
  const [link, setLink] = useState<SurveyLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setError(null);
    try {
      setLink(await post<SurveyLink>(url, { variant }));
      await queryClient.invalidateQueries({ queryKey: ['surveys', enrolmentId] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section id="enkater" className="card" aria-labelledby="surveys">
      <h2 id="surveys">{t.surveys.sectionTitle}</h2>
      <p>{t.surveys.sectionIntro}</p>
      <ErrorNotice error={list.error ?? error} />
      {list.data?.can.send && (
        <div className="form-grid">
          <VariantField value={variant} onChange={setVariant} />
          <div className="actions">
            <Button onPress={send}>{t.surveys.send}</Button>
          </div>
        </div>
      )}
      {link && <LinkCard link={link} />}
      <h3>{t.surveys.sent}</h3>
      {list.data && list.data.items.length === 0 && <p>{t.surveys.none}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="plain-list">
          {list.data.items.map((s) => (
            <li key={s.id}>
              {t.surveys.variants[s.variant]}: {t.surveys.sentAt.toLowerCase()} {formatDate(s.sentAt.slice(0, 10))} – {t.surveys.statuses[s.status]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
