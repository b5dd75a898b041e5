import type { FormEvent, ReactNode } from 'react';
import { t } from '../i18n/sv';
import { ModalDialog, type ModalDialogProps } from './Dialog';
import { Button } from './Button';
import { Notice } from './Notice';

type Form<I> = { parse: () => I | null; fail: (error: unknown) => void; formError: string | null };

type FormDialogProps<I, R> = Omit<ModalDialogProps, 'children' | 'role'> & {
  form: Form<I>;
  /** Writes the parsed input (its result, such as the page's message, goes to onDone); a failure stays in the dialog. */
  save: (input: I) => Promise<R>;
  onDone?: (result: R) => void;
  children: ReactNode;
  /** More buttons after Save and Cancel (a removal that asks first, say). */
  moreActions?: ReactNode;
};

/**
 * A dialog holding one form (useZodForm): the server's message above the fields, Save and Cancel.
 * Saving parses first (errors at their fields), then writes, closes and hands the page the result.
 */
export function FormDialog<I, R>({ form, save, onDone, children, moreActions, ...dialog }: FormDialogProps<I, R>) {
  const submit = (close: () => void) => async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (input === null) return;
    try {
      const result = await save(input);
      close();
      onDone?.(result);
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
            {moreActions}
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
