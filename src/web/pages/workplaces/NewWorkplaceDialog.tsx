import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { workplaceInput } from '../../../core/schemas/workplace';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { t } from '../../i18n/sv';
import { get, post } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { textOrNull, useZodForm } from '../../lib/form';

const initial = { associationId: '', name: '', sector: '', orgNumber: '', address: '', supervisor: '', places: '' };
type Values = typeof initial;

const toInput = (v: Values) => ({
  associationId: v.associationId,
  name: v.name,
  sector: v.sector || null,
  orgNumber: textOrNull(v.orgNumber),
  address: textOrNull(v.address),
  supervisors: v.supervisor.trim() ? [{ name: v.supervisor.trim() }] : [],
  places: [],
});

/** A new workplace in the register of a förbund the user's organisation belongs to. */
export function NewWorkplaceDialog() {
  const wt = t.workplaces;
  const codes = useCodes();
  const queryClient = useQueryClient();
  const { data: associations } = useQuery({ queryKey: ['workplaces', 'associations'], queryFn: () => get<{ items: { id: string; name: string }[] }>('/api/v1/workplaces/associations') });
  const options = (associations?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  const form = useZodForm(workplaceInput, initial, toInput);
  const v = form.values;
  // With one förbund to choose from, it is chosen.
  const only = options.length === 1 ? options[0]?.value : undefined;
  const setAssociation = form.set('associationId');
  useEffect(() => {
    if (only && !v.associationId) setAssociation(only);
  }, [only, v.associationId, setAssociation]);
  const save = async (input: unknown) => {
    await post('/api/v1/workplaces', input);
    await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
    form.reset();
  };
  return (
    <FormDialog trigger={wt.add} triggerVariant="primary" title={wt.add} form={form} save={save}>
      <SelectField label={wt.fields.association} name="associationId" value={v.associationId} onChange={form.set('associationId')} options={options} error={form.errors.associationId} isRequired />
      <TextField label={wt.fields.name} name="name" value={v.name} onChange={form.set('name')} error={form.errors.name} isRequired />
      <SelectField label={wt.fields.sector} name="sector" value={v.sector} onChange={form.set('sector')} options={[{ value: '', label: t.common.none }, ...codes.options('workplace_sector')]} error={form.errors.sector} />
      <TextField label={wt.fields.orgNumber} name="orgNumber" value={v.orgNumber} onChange={form.set('orgNumber')} error={form.errors.orgNumber} />
      <TextField label={wt.fields.address} name="address" value={v.address} onChange={form.set('address')} error={form.errors.address} />
      <TextField label={wt.fields.supervisorName} name="supervisor" value={v.supervisor} onChange={form.set('supervisor')} error={form.errors['supervisors.0.name']} />
    </FormDialog>
  );
}
