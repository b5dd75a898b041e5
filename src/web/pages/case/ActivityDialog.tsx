import { useQuery, useQueryClient } from '@tanstack/react-query';
import { activityCreate } from '../../../core/schemas/activity';
import { CheckboxGroupField } from '../../components/ChoiceGroup';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { t } from '../../i18n/sv';
import { api } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { numberOrNull, textOrNull, useZodForm } from '../../lib/form';
import { workplacesQuery, type Activity } from './activity-queries';

// One form for a new activity and for changing one (only the controlling organisation's staff
// get the button: `can.update`). The schema is the server's.

type Values = {
  activityType: string;
  employmentType: string;
  flags: string[];
  workplaceId: string;
  provider: string;
  startDate: string;
  endDate: string;
  hoursPerWeek: string;
  status: string;
  notes: string;
};

const valuesOf = (a?: Activity): Values => ({
  activityType: a?.activityType ?? '',
  employmentType: a?.employmentType ?? '',
  flags: [...(a?.extension ? ['extension'] : []), ...(a?.health ? ['health'] : [])],
  workplaceId: a?.workplace?.id ?? '',
  provider: a?.provider ?? '',
  startDate: a?.startDate ?? '',
  endDate: a?.endDate ?? '',
  hoursPerWeek: a?.hoursPerWeek === null || a?.hoursPerWeek === undefined ? '' : String(a.hoursPerWeek).replace('.', ','),
  status: a?.status ?? 'planned',
  notes: a?.notes ?? '',
});

const toInput = (v: Values) => ({
  activityType: v.activityType,
  employmentType: v.activityType === 'employment' ? v.employmentType || null : null,
  extension: v.activityType === 'employment' && v.flags.includes('extension'),
  workplaceId: v.workplaceId || null,
  provider: textOrNull(v.provider),
  startDate: v.startDate,
  endDate: v.endDate || null,
  hoursPerWeek: numberOrNull(v.hoursPerWeek),
  status: v.status,
  health: v.flags.includes('health'),
  notes: textOrNull(v.notes),
});

export function ActivityDialog({ enrolmentId, activity, triggerLabel }: { enrolmentId: string; activity?: Activity; triggerLabel?: string }) {
  const at = t.activities;
  const codes = useCodes();
  const queryClient = useQueryClient();
  const { data: register } = useQuery(workplacesQuery);
  const form = useZodForm(activityCreate, valuesOf(activity), toInput);
  const v = form.values;
  const save = async (input: unknown) => {
    if (activity) await api('PUT', `/api/v1/activities/${activity.id}`, input);
    else await api('POST', `/api/v1/enrolments/${enrolmentId}/activities`, input);
    await queryClient.invalidateQueries({ queryKey: ['activities', enrolmentId] });
    if (!activity) form.reset();
  };
  const title = activity ? at.edit : at.add;
  const workplaces = [{ value: '', label: at.fields.noWorkplace }, ...(register?.items ?? []).map((w) => ({ value: w.id, label: w.name }))];
  const statuses = Object.entries(at.statuses).map(([value, label]) => ({ value, label }));
  const flags = [
    ...(v.activityType === 'employment' ? [{ value: 'extension', label: at.fields.extension }] : []),
    { value: 'health', label: at.fields.health, help: at.fields.healthHelp },
  ];
  return (
    <FormDialog trigger={title} triggerLabel={triggerLabel} triggerVariant={activity ? 'secondary' : 'primary'} title={title} form={form} save={save}>
      <SelectField label={at.fields.activityType} name="activityType" value={v.activityType} onChange={form.set('activityType')} options={codes.options('activity_type')} error={form.errors.activityType} isRequired />
      {v.activityType === 'employment' && (
        <SelectField label={at.fields.employmentType} name="employmentType" value={v.employmentType} onChange={form.set('employmentType')} options={codes.options('employment_type')} error={form.errors.employmentType} isRequired />
      )}
      <SelectField label={at.fields.workplace} name="workplaceId" value={v.workplaceId} onChange={form.set('workplaceId')} options={workplaces} error={form.errors.workplaceId} />
      <TextField label={at.fields.provider} name="provider" value={v.provider} onChange={form.set('provider')} help={at.fields.providerHelp} error={form.errors.provider} />
      <TextField label={at.fields.startDate} name="startDate" type="date" value={v.startDate} onChange={form.set('startDate')} error={form.errors.startDate} isRequired />
      <TextField label={at.fields.endDate} name="endDate" type="date" value={v.endDate} onChange={form.set('endDate')} error={form.errors.endDate} />
      <TextField label={at.fields.hoursPerWeek} name="hoursPerWeek" inputMode="text" value={v.hoursPerWeek} onChange={form.set('hoursPerWeek')} error={form.errors.hoursPerWeek} />
      <SelectField label={at.fields.status} name="status" value={v.status} onChange={form.set('status')} options={statuses} error={form.errors.status} isRequired />
      <CheckboxGroupField label={at.fields.marks} name="flags" options={flags} value={v.flags} onChange={form.set('flags')} error={form.errors.extension ?? form.errors.health} />
      <TextField label={at.fields.notes} name="notes" multiline value={v.notes} onChange={form.set('notes')} error={form.errors.notes} />
    </FormDialog>
  );
}
