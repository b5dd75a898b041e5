import type { Key } from 'react-aria-components';
import { Button, FieldError, Header, Label, ListBox, ListBoxItem, ListBoxSection, Popover, Select, SelectValue, Text } from 'react-aria-components';
import { t } from '../i18n/sv';

export type Option = { value: string; label: string; group?: string };

type SelectFieldProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  error?: string;
  help?: string;
  placeholder?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
};

/** A single choice from a list (React Aria Select: a button and a listbox, typeahead and arrows). */
export function SelectField({ label, name, value, onChange, options, error, help, placeholder, isRequired, isDisabled }: SelectFieldProps) {
  // React Aria keys cannot be empty: the "none" choice ('') travels as a sentinel.
  const none = '__none__';
  const hasNone = options.some((o) => o.value === '');
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const item = (o: Option) => (
    <ListBoxItem key={o.value || none} id={o.value || none} textValue={o.label} className="listbox-item">
      {o.label}
    </ListBoxItem>
  );
  return (
    <Select
      className="field"
      name={name}
      selectedKey={value === '' ? (hasNone ? none : null) : value}
      onSelectionChange={(key: Key | null) => onChange(key === null || key === none ? '' : String(key))}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      isDisabled={isDisabled}
      validationBehavior="aria"
      placeholder={placeholder ?? t.common.choose}
    >
      <Label className="label">{label}</Label>
      {help && (
        <Text slot="description" className="help">
          {help}
        </Text>
      )}
      <Button className="select-button" data-field={name}>
        <SelectValue />
      </Button>
      <FieldError className="error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {groups.length > 1
            ? groups.map((g) => (
                <ListBoxSection key={g} id={g}>
                  <Header className="listbox-section-header">{g}</Header>
                  {options.filter((o) => (o.group ?? '') === g).map(item)}
                </ListBoxSection>
              ))
            : options.map(item)}
        </ListBox>
      </Popover>
    </Select>
  );
}
