import { t } from '../../i18n/sv';
import { TextField } from '../../components/Field';
import type { EnrolForm } from './types';

/** Identity, stored only with consent. */
export function EnrolPerson({ form }: { form: EnrolForm }) {
  const { values, set, errors } = form;
  return (
    <fieldset className="card form-grid">
      <legend>{t.enrol.person}</legend>
      <TextField label={t.enrol.personnummer} name="personnummer" help={t.enrol.personnummerHelp} value={values.personnummer} onChange={set('personnummer')} error={errors['person.personnummer']} autoComplete="off" />
      <TextField label={`${t.enrol.participantRef} ${t.common.optional}`} name="participantRef" help={t.enrol.participantRefHelp} value={values.participantRef} onChange={set('participantRef')} error={errors['person.participantRef']} autoComplete="off" />
      <TextField label={`${t.enrol.firstName} ${t.common.optional}`} name="firstName" value={values.firstName} onChange={set('firstName')} error={errors['person.firstName']} autoComplete="off" />
      <TextField label={`${t.enrol.lastName} ${t.common.optional}`} name="lastName" value={values.lastName} onChange={set('lastName')} error={errors['person.lastName']} autoComplete="off" />
    </fieldset>
  );
}
