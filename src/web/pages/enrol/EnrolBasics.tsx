import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import type { Intervention } from '../../lib/queries';
import { RadioGroupField } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/Field';
import type { EnrolForm } from './types';

const modes = ['consent', 'anonymous', 'protected'] as const;

/** How to register, where, and the facts every registration has (gender, birth year, start). */
export function EnrolBasics({ form, interventions }: { form: EnrolForm; interventions: Intervention[] }) {
  const codes = useCodes();
  const { values, set, errors } = form;
  const teams = interventions.find((i) => i.id === values.interventionId)?.teams ?? [];
  return (
    <>
      <div className="card">
        <RadioGroupField label={t.enrol.mode} name="mode" value={values.mode} onChange={set('mode')}
          options={modes.map((m) => ({ value: m, label: t.enrol.modes[m], help: t.enrol.modeHelp[m] }))} />
      </div>
      <div className="card form-grid">
        <SelectField label={t.enrol.intervention} name="interventionId" value={values.interventionId} isRequired
          onChange={(v) => { set('interventionId')(v); set('teamId')(''); }}
          error={errors.interventionId && t.common.chooseOne}
          options={interventions.map((i) => ({ value: i.id, label: i.name }))} />
        {teams.length > 0 && (
          <SelectField label={t.enrol.team} name="teamId" value={values.teamId} onChange={set('teamId')} error={errors.teamId}
            options={[{ value: '', label: t.enrol.noTeam }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} />
        )}
        <SelectField label={t.enrol.gender} name="gender" value={values.gender} onChange={set('gender')} isRequired
          error={errors.gender && t.common.chooseOne} options={codes.options('gender')} />
        <TextField label={`${t.enrol.birthYear} ${t.common.optional}`} name="birthYear" inputMode="numeric" value={values.birthYear} onChange={set('birthYear')} error={errors.birthYear} />
        <TextField label={t.enrol.startDate} name="startDate" type="date" help={t.enrol.dateHelp} value={values.startDate} onChange={set('startDate')} error={errors.startDate} isRequired />
      </div>
    </>
  );
}
