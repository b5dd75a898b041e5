import { useQueryClient } from '@tanstack/react-query';
import { followUpMethods, interventionUpdate } from '../../../core/schemas/intervention';
import { t } from '../../i18n/sv';
import { patch } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import type { Intervention } from '../../lib/queries';
import { FormDialog } from '../../components/FormDialog';
import { RadioGroupField } from '../../components/ChoiceGroup';

// Uppföljningsmetod for the national follow-up (docs/national-export.md), changed by those who may
// change the intervention (`can.update`: its lead, the owner's organisation administrator).

const tf = t.goalsBudget.followUp;

export function FollowUpMethodDialog({ intervention, onDone }: { intervention: Intervention; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm(interventionUpdate, { followUpMethod: intervention.followUpMethod }, (v) => ({ followUpMethod: v.followUpMethod || undefined }));
  const save = async (input: unknown) => {
    await patch(`/api/v1/interventions/${intervention.id}`, input);
    await queryClient.invalidateQueries({ queryKey: ['interventions'] });
    return tf.saved;
  };
  return (
    <FormDialog trigger={tf.edit} title={tf.edit} form={form} save={save} onDone={onDone}>
      <RadioGroupField label={t.intervention.followUpMethod} name="followUpMethod" value={form.values.followUpMethod} onChange={form.set('followUpMethod')} error={form.errors.followUpMethod}
        options={followUpMethods.map((m) => ({ value: m, label: t.intervention.followUpMethods[m] }))} />
    </FormDialog>
  );
}
