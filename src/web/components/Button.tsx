import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { Link, type LinkProps } from '@tanstack/react-router';

export type Variant = 'primary' | 'secondary' | 'danger' | 'quiet' | 'on-dark';

const classOf = (variant: Variant) => (variant === 'primary' ? 'btn' : `btn btn--${variant}`);

type ButtonProps = Omit<AriaButtonProps, 'className' | 'children'> & { variant?: Variant; children: ReactNode };

/** A button (React Aria: keyboard, press and focus behaviour are handled there). */
export function Button({ variant = 'primary', children, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={classOf(variant)}>
      {children}
    </AriaButton>
  );
}

/** A link that looks like a button: for navigation to a form or page. */
export function ButtonLink({ variant = 'primary', ...props }: LinkProps & { variant?: Variant; children: ReactNode }) {
  return <Link {...props} className={classOf(variant)} />;
}
