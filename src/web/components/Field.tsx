import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';

type TextFieldProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email';
  autoComplete?: string;
  isRequired?: boolean;
  multiline?: boolean;
  placeholder?: string;
};

/**
 * A labelled text field with help text and a field-level error, announced with the field
 * (aria-describedby) and marked invalid. Validation is the zod schema's, not the browser's.
 */
export function TextField({ label, name, value, onChange, error, help, type = 'text', inputMode, autoComplete, isRequired, multiline, placeholder }: TextFieldProps) {
  return (
    <AriaTextField
      className="field"
      name={name}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      validationBehavior="aria"
    >
      <Label className="label">{label}</Label>
      {help && (
        <Text slot="description" className="help">
          {help}
        </Text>
      )}
      {multiline ? (
        <TextArea className="input" rows={4} />
      ) : (
        // Dates are typed as ÅÅÅÅ-MM-DD in a text field: the browser's date input follows the
        // operating system's locale (mm/dd/yyyy on many machines) and is hard to use with a screen reader.
        <Input
          className="input"
          type={type === 'date' ? 'text' : type}
          inputMode={type === 'date' ? 'numeric' : inputMode}
          autoComplete={type === 'date' ? 'off' : autoComplete}
          placeholder={placeholder}
          data-field={name}
        />
      )}
      <FieldError className="error">{error}</FieldError>
    </AriaTextField>
  );
}
