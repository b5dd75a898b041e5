import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import { organisationsQuery } from '../../lib/queries';
import { CheckboxGroupField } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/Field';
import type { EnrolForm } from './types';

/** The situation at start (domain.md: income sources, occupation and extent, education, support time, target groups). */
export function EnrolIntake({ form }: { form: EnrolForm }) {
  const { values, set, errors } = form;
  const codes = useCodes();
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const opt = t.common.optional;
  return (
    <fieldset className="card stack">
      <legend>{t.enrol.intakeTitle}</legend>
      <div className="form-grid">
        <SelectField label={`${t.enrol.referrer} ${opt}`} name="referrerId" value={values.referrerId} onChange={set('referrerId')} error={errors.referrerId}
          options={[{ value: '', label: t.common.none }, ...organisations.filter((o) => o.kind !== 'association').map((o) => ({ value: o.id, label: o.name }))]} />
        <SelectField label={`${t.enrol.occupationBefore} ${opt}`} name="occupationBefore" value={values.occupationBefore} onChange={set('occupationBefore')} error={errors.occupationBefore}
          options={[{ value: '', label: t.common.none }, ...codes.options('occupation')]} />
        <TextField label={`${t.enrol.extent} ${opt}`} name="occupationBeforeExtent" inputMode="numeric" help={t.enrol.extentHelp} value={values.occupationBeforeExtent} onChange={set('occupationBeforeExtent')} error={errors.occupationBeforeExtent} />
        <SelectField label={`${t.enrol.education} ${opt}`} name="education" value={values.education} onChange={set('education')} error={errors.education}
          options={[{ value: '', label: t.common.none }, ...codes.options('education')]} />
        <SelectField label={`${t.enrol.supportTime} ${opt}`} name="supportTime" value={values.supportTime} onChange={set('supportTime')} error={errors.supportTime}
          options={[{ value: '', label: t.common.none }, ...codes.options('support_time')]} />
      </div>
      <CheckboxGroupField label={`${t.enrol.incomeBefore} ${opt}`} name="incomeBefore" inline value={values.incomeBefore} onChange={set('incomeBefore')} error={errors.incomeBefore} options={codes.options('income_source')} />
      <CheckboxGroupField label={`${t.enrol.targetGroups} ${opt}`} name="targetGroups" inline value={values.targetGroups} onChange={set('targetGroups')} error={errors.targetGroups} options={codes.options('target_group')} />
    </fieldset>
  );
}
