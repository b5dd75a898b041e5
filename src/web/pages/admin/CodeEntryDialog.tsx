import { z } from 'zod';
import { isoDate, shortText } from '../../../core/schemas/common';
import { t } from '../../i18n/sv';
import { patch, post } from '../../lib/api';
import { textOrNull, useZodForm } from '../../lib/form';
import type { CodeEntry } from '../../lib/queries';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';

// The server keeps these schemas next to its routes (code-list.schemas.ts, not in core yet);
// the same rules are written here so the form can tell about a bad field before sending.
const entryCreate = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{1,64}$/, 'Koden får bara innehålla a–z, 0–9 och _ (högst 64 tecken)'),
  label: shortText(200).min(1, 'Ange en benämning'),
  group: z.string().min(1, 'Välj en grupp').nullable(),
  validTo: isoDate.nullable(),
});
const entryUpdate = entryCreate.omit({ code: true, group: true });

type Values = { code: string; label: string; group: string; validTo: string };

/** Adds a code to a list, or renames or closes one. */
/** `groups`: the groups the list's codes belong to (exit reasons, income sources); a new code needs one. */
export function CodeEntryDialog({ list, entry, groups = [], onSaved }: { list: string; entry?: CodeEntry; groups?: string[]; onSaved: () => void }) {
  const form = useZodForm(entry ? entryUpdate : entryCreate, { code: entry?.code ?? '', label: entry?.label ?? '', group: '', validTo: entry?.validTo ?? '' } as Values,
    (v) => (entry ? { label: v.label, validTo: textOrNull(v.validTo) }
      : { code: v.code, label: v.label, group: groups.length > 0 ? v.group : null, validTo: textOrNull(v.validTo) }));
  const save = async (input: unknown) => {
    if (entry) await patch(`/api/v1/code-lists/${list}/${entry.code}`, input);
    else await post(`/api/v1/code-lists/${list}`, input);
    if (!entry) form.reset();
  };
  return (
    <FormDialog trigger={entry ? t.admin.edit : t.admin.newEntry} triggerVariant={entry ? 'quiet' : 'primary'} title={entry ? t.admin.editEntry(entry.code) : t.admin.newEntry} form={form} save={save} onDone={onSaved}>
      {!entry && <TextField label={t.admin.code} name="code" help={t.admin.codeHelp} value={form.values.code} onChange={form.set('code')} error={form.errors.code} isRequired />}
      <TextField label={t.admin.label} name="label" value={form.values.label} onChange={form.set('label')} error={form.errors.label} isRequired />
      {!entry && groups.length > 0 && (
        <SelectField label={t.admin.group} name="group" value={form.values.group} onChange={form.set('group')} error={form.errors.group} isRequired
          options={groups.map((g) => ({ value: g, label: t.codeGroups[g] ?? g }))} />
      )}
      <TextField label={`${t.admin.validTo} ${t.common.optional}`} name="validTo" type="date" help={t.enrol.dateHelp} value={form.values.validTo} onChange={form.set('validTo')} error={form.errors.validTo} />
    </FormDialog>
  );
}
