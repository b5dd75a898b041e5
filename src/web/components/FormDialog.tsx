import type { FormEvent, ReactNode } from 'react';
import { t } from '../i18n/sv';
import { ModalDialog, type ModalDialogProps } from './Dialog';
import { Button } from './Button';
import { Notice } from './Notice';

type Form<I> = { parse: () => I | null; fail: (error: unknown) => void; formError: string | null };

type FormDialogProps<I> = Omit<ModalDialogProps, 'children' | 'role'> & {
  form: Form<I>;
  /** Writes the parsed input and returns the message for the page; a failure stays in the dialog. */
  save: (input: I) => Promise<string>;
  onDone: (message: string) => void;
  children: ReactNode;
};

/**
 * A dialog holding one form (useZodForm): the server's message above the fields, Save and Cancel.
 * Saving parses first (errors at their fields), then writes, closes and hands the page its message.
 */
export function FormDialog<I>({ form, save, onDone, children, ...dialog }: FormDialogProps<I>) {
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (input === null) return;
    try {
      const message = await save(input);
      close();
      onDone(message);
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <ModalDialog {...dialog}>
      {(close) => (
        <form onSubmit={submit(close)} noValidate className="stack">
          {form.formError && <Notice tone="error">{form.formError}</Notice>}
          {children}
          <div className="actions">
            <Button type="submit">{t.common.save}</Button>
            <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
