import type { FormEvent } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { z } from 'zod';
import { passwordReset, type userView } from '../../../core/schemas/user';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';

type User = z.infer<typeof userView>;

/**
 * An administrator resets a user's password to a temporary one they choose and hand over: the
 * user's sessions end, and the next login must choose a new password. Asks first, in the dialog.
 */
export function ResetPasswordDialog({ user, onReset }: { user: User; onReset: () => void }) {
  const form = useZodForm(passwordReset, { password: '' }, (v) => v);
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await post(`/api/v1/users/${user.id}/password`, input);
      form.reset();
      close();
      onReset();
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <DialogTrigger onOpenChange={(open) => !open && form.reset()}>
      <Button variant="quiet" aria-label={t.admin.resetPasswordFor(user.displayName)}>{t.admin.resetPassword}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t.admin.resetPasswordTitle(user.displayName)}</Heading>
                <form onSubmit={submit(close)} noValidate className="stack">
                  <p>{t.admin.resetPasswordText}</p>
                  {form.formError && <Notice tone="error">{form.formError}</Notice>}
                  <TextField label={t.admin.password} name="password" type="password" autoComplete="new-password" help={t.admin.resetPasswordHelp} value={form.values.password} onChange={form.set('password')} error={form.errors.password} isRequired />
                  <div className="actions">
                    <Button type="submit" variant="danger">{t.admin.resetPasswordConfirm}</Button>
                    <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
                  </div>
                </form>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
