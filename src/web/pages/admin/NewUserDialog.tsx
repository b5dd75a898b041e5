import { userCreate } from '../../../core/schemas/user';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';

/** Creates a user in the administrator's own organisation. */
export function NewUserDialog({ onCreated }: { onCreated: () => void }) {
  const form = useZodForm(userCreate, { email: '', displayName: '', password: '' }, (v) => v);
  const save = async (input: unknown) => {
    await post('/api/v1/users', input);
    form.reset();
  };
  return (
    <FormDialog trigger={t.admin.newUser} triggerVariant="primary" title={t.admin.newUser} form={form} save={save} onDone={onCreated}>
      <TextField label={t.admin.displayName} name="displayName" value={form.values.displayName} onChange={form.set('displayName')} error={form.errors.displayName} isRequired />
      <TextField label={t.admin.email} name="email" type="email" autoComplete="off" value={form.values.email} onChange={form.set('email')} error={form.errors.email} isRequired />
      <TextField label={t.admin.password} name="password" type="password" autoComplete="new-password" help={t.admin.passwordHelp} value={form.values.password} onChange={form.set('password')} error={form.errors.password} isRequired />
    </FormDialog>
  );
}
