import { useState } from 'react';
import { t } from '../i18n/sv';
import { ApiError } from '../lib/api';
import { ModalDialog } from './Dialog';
import { Button, type Variant } from './Button';
import { Notice } from './Notice';

type Props = {
  /** Names what the "Ta bort" button removes ("Ta bort målet X"). */
  triggerLabel: string;
  title: string;
  text: string;
  confirm: string;
  /** Removes; a failure stays in the dialog with the server's message. */
  remove: () => Promise<unknown>;
  /** The message the page shows once it is removed. */
  done: string;
  onDone: (message: string) => void;
  triggerVariant?: Variant;
};

/** "Ta bort" after a confirmation (an alertdialog naming what goes; Escape or Avbryt keeps it). */
export function ConfirmRemoveDialog({ triggerLabel, title, text, confirm, remove, done, onDone, triggerVariant }: Props) {
  const [error, setError] = useState<string | null>(null);
  const run = async (close: () => void) => {
    try {
      await remove();
      setError(null);
      close();
      onDone(done);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <ModalDialog trigger={t.common.remove} triggerLabel={triggerLabel} triggerVariant={triggerVariant} title={title} role="alertdialog">
      {(close) => (
        <div className="stack">
          {error && <Notice tone="error">{error}</Notice>}
          <p>{text}</p>
          <div className="actions">
            <Button onPress={() => void run(close)}>{confirm}</Button>
            <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
