import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { organisationsQuery, type Enrolment } from '../../lib/queries';
import { ModalDialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { CaseCategoriesField } from '../case/CaseCategoriesField';

/** Adds a party to the consent (POST /enrolments/:id/consent/parties). */
export function AddPartyDialog({ enrolment, onAdded }: { enrolment: Enrolment; onAdded: () => void }) {
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const [organisationId, setOrganisationId] = useState('');
  const [categories, setCategories] = useState<string[]>(['plan', 'meetings']);
  const [error, setError] = useState<string>();
  const covered = new Set(enrolment.consent?.parties.map((p) => p.id));
  const options = organisations.filter((o) => o.kind !== 'association' && !covered.has(o.id)).map((o) => ({ value: o.id, label: o.name }));
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    if (!organisationId) return setError(t.common.chooseOne);
    try {
      await post(`/api/v1/enrolments/${enrolment.id}/consent/parties`, { organisationId, categories });
      setOrganisationId('');
      setError(undefined);
      close();
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  if (options.length === 0) return null;
  return (
    <ModalDialog trigger={t.participant.addParty} title={t.participant.addParty}>
      {(close) => (
        <form onSubmit={submit(close)} noValidate className="stack">
          {error && organisationId && <Notice tone="error">{error}</Notice>}
          <SelectField label={t.participant.party} name="organisationId" value={organisationId} onChange={setOrganisationId} options={options} error={!organisationId ? error : undefined} isRequired />
          <CaseCategoriesField party={options.find((o) => o.value === organisationId)?.label ?? t.participant.party.toLowerCase()} name="categories" value={categories} onChange={setCategories} />
          <div className="actions">
            <Button type="submit">{t.common.add}</Button>
            <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
