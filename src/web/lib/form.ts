import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api';

export type Errors = Record<string, string>;

/** Turns zod issues, or the server's field errors ("body.person.personnummer"), into field → message. */
export function errorsFrom(issues: { path: readonly PropertyKey[] | string; message: string }[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path.replace(/^(body|querystring|params)\.?/, '') : issue.path.map(String).join('.');
    errors[path || '_'] ??= issue.message;
  }
  return errors;
}

/**
 * Form state checked with the same zod schema the server uses. `values` are what the fields
 * hold (strings mostly); `toInput` turns them into the schema's input before parsing.
 */
export function useZodForm<S extends z.ZodType, V extends Record<string, unknown>>(schema: S, initial: V, toInput: (values: V) => unknown) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof V>(name: K) => (value: V[K]) => setValues((v) => ({ ...v, [name]: value }));

  /** Parses; on failure shows the errors at their fields and returns null. */
  function parse(): z.output<S> | null {
    const result = schema.safeParse(toInput(values));
    if (!result.success) {
      setErrors(errorsFrom(result.error.issues));
      setFormError(null);
      focusFirstError();
      return null;
    }
    setErrors({});
    setFormError(null);
    return result.data;
  }

  /** Shows a failed request: field errors at their fields, the message above the form. */
  function fail(error: unknown) {
    if (error instanceof ApiError) {
      setErrors(errorsFrom(error.errors));
      setFormError(error.message);
    } else setFormError(String(error));
  }

  function reset(next: V = initial) {
    setValues(next);
    setErrors({});
    setFormError(null);
  }

  return { values, set, errors, formError, parse, fail, reset, setValues };
}

/** Moves focus to the first invalid field after React has rendered the errors. */
export function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] .select-button, [data-invalid] input');
    el?.focus();
  });
}

/** '' → null; other text → number (NaN stays NaN, so the schema says it is not a number). */
export const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.').replace(/\s/g, '')));
export const textOrNull = (text: string) => (text.trim() === '' ? null : text.trim());
