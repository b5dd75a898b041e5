import type { FormEvent } from 'react';
import { userCreate } from '../../../core/schemas/user';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { ModalDialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';

/** Creates a user in the administrator's own organisation. */
export function NewUserDialog({ onCreated }: { onCreated: () => void }) {
  const form = useZodForm(userCreate, { email: '', displayName: '', password: '' }, (v) => v);
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await post('/api/v1/users', input);
      form.reset();
      close();
      onCreated();
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <ModalDialog trigger={t.admin.newUser} triggerVariant="primary" title={t.admin.newUser}>
      {(close) => (
        <form onSubmit={submit(close)} noValidate className="stack">
          {form.formError && <Notice tone="error">{form.formError}</Notice>}
          <TextField label={t.admin.displayName} name="displayName" value={form.values.displayName} onChange={form.set('displayName')} error={form.errors.displayName} isRequired />
          <TextField label={t.admin.email} name="email" type="email" autoComplete="off" value={form.values.email} onChange={form.set('email')} error={form.errors.email} isRequired />
          <TextField label={t.admin.password} name="password" type="password" autoComplete="new-password" help={t.admin.passwordHelp} value={form.values.password} onChange={form.set('password')} error={form.errors.password} isRequired />
          <div className="actions">
            <Button type="submit">{t.common.save}</Button>
            <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
