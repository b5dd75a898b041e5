import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { organisationsQuery, type Intervention } from '../../lib/queries';
import { CheckboxGroupField, RadioGroupField } from '../../components/ChoiceGroup';
import { TextField } from '../../components/Field';
import type { EnrolForm } from './types';
import { CaseCategoriesField } from '../case/CaseCategoriesField';

/** The consent: when, how, and which other parties it covers (the controller is always covered). */
export function EnrolConsent({ form, interventions }: { form: EnrolForm; interventions: Intervention[] }) {
  const { values, set, errors } = form;
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const owner = interventions.find((i) => i.id === values.interventionId)?.owner.id;
  const parties = organisations.filter((o) => o.kind !== 'association' && o.id !== owner);
  return (
    <fieldset className="card stack">
      <legend>{t.enrol.consentTitle}</legend>
      <div className="form-grid">
        <TextField label={t.enrol.consentDate} name="consentDate" type="date" help={t.enrol.dateHelp} value={values.consentDate} onChange={set('consentDate')} error={errors['consent.givenDate']} isRequired />
        <TextField label={`${t.enrol.consentDocument} ${t.common.optional}`} name="consentDocument" value={values.consentDocument} onChange={set('consentDocument')} error={errors['consent.documentRef']} />
      </div>
      <RadioGroupField label={t.enrol.consentMethod} name="consentMethod" inline value={values.consentMethod} onChange={set('consentMethod')} error={errors['consent.method']}
        options={Object.entries(t.participant.consentMethods).map(([value, label]) => ({ value, label }))} />
      {parties.length > 0 && (
        <CheckboxGroupField label={t.enrol.consentParties} help={t.enrol.consentPartiesHelp} name="partyIds" value={values.partyIds} onChange={set('partyIds')} error={errors['consent.partyIds']}
          options={parties.map((o) => ({ value: o.id, label: o.name }))} />
      )}
      {parties.filter((o) => values.partyIds.includes(o.id)).map((o) => (
        <CaseCategoriesField key={o.id} party={o.name} name={`categories.${o.id}`} value={values.categories[o.id] ?? ['plan', 'meetings']}
          onChange={(value) => set('categories')({ ...values.categories, [o.id]: value })} />
      ))}
    </fieldset>
  );
}
