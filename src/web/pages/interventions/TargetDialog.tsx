import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { volumeTargetInput } from '../../../core/schemas/intervention';
import { t } from '../../i18n/sv';
import { put } from '../../lib/api';
import { numberOrNull, useZodForm } from '../../lib/form';
import type { Intervention } from '../../lib/queries';
import { targetFor } from '../../components/Figures';
import { ModalDialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';

/** Sets this year's volume target (shown only when `can.update`). */
export function TargetDialog({ intervention, year }: { intervention: Intervention; year: number }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const form = useZodForm(volumeTargetInput, { target: String(targetFor(intervention, year) ?? '') }, (v) => ({ target: numberOrNull(v.target) }));
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await put(`/api/v1/interventions/${intervention.id}/volume-targets/${year}`, input);
      await queryClient.invalidateQueries({ queryKey: ['interventions'] });
      setDone(true);
      close();
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <>
      {done && <Notice tone="success">{t.intervention.targetSaved}</Notice>}
      <ModalDialog trigger={t.intervention.setTarget} title={t.intervention.targetFor(year)}>
        {(close) => (
          <form onSubmit={submit(close)} noValidate className="stack">
            {form.formError && <Notice tone="error">{form.formError}</Notice>}
            <TextField label={t.intervention.targetFor(year)} name="target" inputMode="numeric" value={form.values.target} onChange={form.set('target')} error={form.errors.target} isRequired />
            <div className="actions">
              <Button type="submit">{t.common.save}</Button>
              <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
            </div>
          </form>
        )}
      </ModalDialog>
    </>
  );
}
