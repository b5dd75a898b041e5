import { useQuery } from '@tanstack/react-query';
import { consentInput } from '../../../core/schemas/enrolment';
import { t } from '../../i18n/sv';
import { todayIso } from '../../i18n/format';
import { post } from '../../lib/api';
import { textOrNull, useZodForm } from '../../lib/form';
import { organisationsQuery, type Enrolment } from '../../lib/queries';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { CheckboxGroupField, RadioGroupField } from '../../components/ChoiceGroup';
import { CaseCategoriesField } from '../case/CaseCategoriesField';

type Values = { givenDate: string; method: string; documentRef: string; partyIds: string[]; categories: Record<string, string[]> };

/** Records a new consent for a participant who has none (POST /enrolments/:id/consent). */
export function RecordConsentDialog({ enrolment, onDone }: { enrolment: Enrolment; onDone: () => void }) {
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const form = useZodForm(consentInput, { givenDate: todayIso(), method: 'written', documentRef: '', partyIds: [], categories: {} } as Values, (v) => ({
    ...v,
    documentRef: textOrNull(v.documentRef),
    // Only the parties still chosen; a party left out gets plan and meetings.
    categories: Object.fromEntries(Object.entries(v.categories).filter(([id]) => v.partyIds.includes(id))),
  }));
  const parties = organisations.filter((o) => o.kind !== 'association' && o.id !== enrolment.controller.id);
  const save = async (input: unknown) => {
    await post(`/api/v1/enrolments/${enrolment.id}/consent`, input);
    form.reset();
  };
  return (
    <FormDialog trigger={t.participant.recordConsent} triggerVariant="primary" title={t.participant.recordConsent} form={form} save={save} onDone={onDone}>
      <TextField label={t.enrol.consentDate} name="givenDate" type="date" value={form.values.givenDate} onChange={form.set('givenDate')} error={form.errors.givenDate} isRequired />
      <RadioGroupField label={t.enrol.consentMethod} name="method" inline value={form.values.method} onChange={form.set('method')} error={form.errors.method}
        options={Object.entries(t.participant.consentMethods).map(([value, label]) => ({ value, label }))} />
      <TextField label={`${t.enrol.consentDocument} ${t.common.optional}`} name="documentRef" value={form.values.documentRef} onChange={form.set('documentRef')} error={form.errors.documentRef} />
      {parties.length > 0 && (
        <CheckboxGroupField label={t.enrol.consentParties} help={t.enrol.consentPartiesHelp} name="partyIds" value={form.values.partyIds} onChange={form.set('partyIds')}
          options={parties.map((o) => ({ value: o.id, label: o.name }))} />
      )}
      {parties.filter((o) => form.values.partyIds.includes(o.id)).map((o) => (
        <CaseCategoriesField key={o.id} party={o.name} name={`categories.${o.id}`} value={form.values.categories[o.id] ?? ['plan', 'meetings']}
          onChange={(value) => form.set('categories')({ ...form.values.categories, [o.id]: value })} />
      ))}
    </FormDialog>
  );
}
