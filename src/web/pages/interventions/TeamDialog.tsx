import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { teamCreate } from '../../../core/schemas/intervention';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { ModalDialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';

/** Adds a team to an intervention (shown only when `can.manageTeams`). */
export function TeamDialog({ interventionId }: { interventionId: string }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const form = useZodForm(teamCreate, { name: '' }, (v) => v);
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await post(`/api/v1/interventions/${interventionId}/teams`, input);
      await queryClient.invalidateQueries({ queryKey: ['interventions'] });
      setDone(t.intervention.teamAdded(input.name));
      form.reset();
      close();
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <>
      {done && <Notice tone="success">{done}</Notice>}
      <ModalDialog trigger={t.intervention.addTeam} title={t.intervention.addTeam}>
        {(close) => (
          <form onSubmit={submit(close)} noValidate className="stack">
            {form.formError && <Notice tone="error">{form.formError}</Notice>}
            <TextField label={t.intervention.teamName} name="name" value={form.values.name} onChange={form.set('name')} error={form.errors.name} isRequired />
            <div className="actions">
              <Button type="submit">{t.common.add}</Button>
              <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
            </div>
          </form>
        )}
      </ModalDialog>
    </>
  );
}
