import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { volumeTargetInput } from '../../../core/schemas/intervention';
import { t } from '../../i18n/sv';
import { put } from '../../lib/api';
import { numberOrNull, useZodForm } from '../../lib/form';
import type { Intervention } from '../../lib/queries';
import { targetFor } from '../../components/Figures';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';

/** Sets this year's volume target (shown only when `can.update`). */
export function TargetDialog({ intervention, year }: { intervention: Intervention; year: number }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const form = useZodForm(volumeTargetInput, { target: String(targetFor(intervention, year) ?? '') }, (v) => ({ target: numberOrNull(v.target) }));
  const save = async (input: unknown) => {
    await put(`/api/v1/interventions/${intervention.id}/volume-targets/${year}`, input);
    await queryClient.invalidateQueries({ queryKey: ['interventions'] });
    return t.intervention.targetSaved;
  };
  return (
    <>
      {done && <Notice tone="success">{done}</Notice>}
      <FormDialog trigger={t.intervention.setTarget} title={t.intervention.targetFor(year)} form={form} save={save} onDone={setDone}>
        <TextField label={t.intervention.targetFor(year)} name="target" inputMode="numeric" value={form.values.target} onChange={form.set('target')} error={form.errors.target} isRequired />
      </FormDialog>
    </>
  );
}
