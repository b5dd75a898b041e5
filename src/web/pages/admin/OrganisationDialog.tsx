import { useQuery } from '@tanstack/react-query';
import { organisationCreate, organisationUpdate } from '../../../core/schemas/organisation';
import { t } from '../../i18n/sv';
import { patch, post } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { textOrNull, useZodForm } from '../../lib/form';
import { organisationsQuery, type Organisation } from '../../lib/queries';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { CheckboxGroupField } from '../../components/ChoiceGroup';

type Values = { code: string; name: string; kind: string; orgNumber: string; associationIds: string[] };

/** Creates an organisation, or changes the name, number and memberships of one (code and kind stay). */
export function OrganisationDialog({ organisation, onSaved }: { organisation?: Organisation; onSaved: () => void }) {
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const codes = useCodes();
  const editing = Boolean(organisation);
  const initial: Values = { code: organisation?.code ?? '', name: organisation?.name ?? '', kind: organisation?.kind ?? '', orgNumber: organisation?.orgNumber ?? '', associationIds: organisation?.associationIds ?? [] };
  const form = useZodForm(editing ? organisationUpdate : organisationCreate, initial, (v) =>
    editing ? { name: v.name, orgNumber: textOrNull(v.orgNumber), associationIds: v.associationIds }
      : { code: v.code, name: v.name, kind: v.kind || undefined, orgNumber: textOrNull(v.orgNumber), associationIds: v.associationIds });
  const associations = organisations.filter((o) => o.kind === 'association' && o.id !== organisation?.id);
  const save = async (input: unknown) => {
    if (organisation) await patch(`/api/v1/organisations/${organisation.id}`, input);
    else await post('/api/v1/organisations', input);
    if (!editing) form.reset();
  };
  const title = organisation ? t.admin.editOrg(organisation.name) : t.admin.newOrg;
  return (
    <FormDialog trigger={organisation ? t.admin.edit : t.admin.newOrg} triggerVariant={organisation ? 'quiet' : 'primary'} title={title} form={form} save={save} onDone={onSaved}>
      {!editing && <TextField label={t.admin.code} name="code" value={form.values.code} onChange={form.set('code')} error={form.errors.code} isRequired />}
      <TextField label={t.admin.name} name="name" value={form.values.name} onChange={form.set('name')} error={form.errors.name} isRequired />
      {!editing && <SelectField label={t.admin.kind} name="kind" value={form.values.kind} onChange={form.set('kind')} error={form.errors.kind && t.common.chooseOne} options={codes.options('organisation_kind')} isRequired />}
      <TextField label={`${t.admin.orgNumber} ${t.common.optional}`} name="orgNumber" help={t.admin.orgNumberHelp} value={form.values.orgNumber} onChange={form.set('orgNumber')} error={form.errors.orgNumber} />
      {associations.length > 0 && (
        <CheckboxGroupField label={t.admin.memberOf} name="associationIds" value={form.values.associationIds} onChange={form.set('associationIds')} error={form.errors.associationIds}
          options={associations.map((o) => ({ value: o.id, label: o.name }))} />
      )}
    </FormDialog>
  );
}
