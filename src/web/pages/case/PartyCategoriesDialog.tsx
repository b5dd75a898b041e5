import { useState, type FormEvent } from 'react';
import { t } from '../../i18n/sv';
import { put } from '../../lib/api';
import { ModalDialog } from '../../components/Dialog';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { CaseCategoriesField } from './CaseCategoriesField';

/** Changes what the consent shares with a party; applies on the party's next request. */
export function PartyCategoriesDialog({ enrolmentId, party, onDone }: { enrolmentId: string; party: { id: string; name: string; categories: string[] }; onDone: (message: string) => void }) {
  const [value, setValue] = useState(party.categories);
  const [error, setError] = useState<unknown>();
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    try {
      await put(`/api/v1/enrolments/${enrolmentId}/consent/parties/${party.id}/categories`, { categories: value });
      setError(undefined);
      close();
      onDone(t.case.categories.changed(party.name));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <ModalDialog trigger={t.case.categories.change} triggerLabel={t.case.categories.changeFor(party.name)} triggerVariant="quiet" title={t.case.categories.changeFor(party.name)}>
      {(close) => (
        <form onSubmit={submit(close)} noValidate className="stack">
          <ErrorNotice error={error} />
          <CaseCategoriesField party={party.name} name={`categories-${party.id}`} value={value} onChange={setValue} />
          <div className="actions">
            <Button type="submit">{t.case.categories.save}</Button>
            <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
