import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type Variant } from './Button';

export type ModalDialogProps = {
  /** The text of the button that opens the dialog. */
  trigger: string;
  /** An accessible name for the button when its text alone is ambiguous ("Ta bort" of which party). */
  triggerLabel?: string;
  triggerVariant?: Variant;
  title: string;
  /** Gets `close` so a form can close the dialog when it is done. */
  children: (close: () => void) => ReactNode;
  role?: 'dialog' | 'alertdialog';
};

/**
 * A modal dialog: focus moves into it and is trapped there, Escape closes it, and focus returns
 * to the button that opened it.
 */
export function ModalDialog({ trigger, triggerLabel, triggerVariant = 'secondary', title, children, role = 'dialog' }: ModalDialogProps) {
  return (
    <DialogTrigger>
      <Button variant={triggerVariant} aria-label={triggerLabel}>{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role={role}>
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
