import { useId } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { Option } from './SelectField';

type Base = { label: string; name: string; options: (Option & { help?: string })[]; error?: string; help?: string; inline?: boolean };

const Box = () => <span className="choice__box" aria-hidden="true" />;
/** A choice's explanation is its description (aria-describedby), not part of its name. */
const ChoiceHelp = ({ id, text }: { id: string; text?: string }) => (text ? <p id={id} className="choice__help">{text}</p> : null);

/** Several choices (income sources, target groups, parties): checkboxes in a labelled group. */
export function CheckboxGroupField({ label, name, options, error, help, inline, value, onChange }: Base & { value: string[]; onChange: (v: string[]) => void }) {
  const id = useId();
  return (
    <CheckboxGroup className="field" name={name} value={value} onChange={onChange} isInvalid={Boolean(error)} validationBehavior="aria">
      <Label className="label">{label}</Label>
      {help && <Text slot="description" className="help">{help}</Text>}
      <div className={inline ? 'choice-group choice-group--inline' : 'choice-group'} data-field={name}>
        {options.map((o) => (
          <div key={o.value}>
            <Checkbox value={o.value} className="choice choice--checkbox" aria-describedby={o.help ? `${id}-${o.value}` : undefined}>
              <Box />
              <span className="choice__text">{o.label}</span>
            </Checkbox>
            <ChoiceHelp id={`${id}-${o.value}`} text={o.help} />
          </div>
        ))}
      </div>
      <FieldError className="error">{error}</FieldError>
    </CheckboxGroup>
  );
}

/** One choice among a few, each with an optional explanation under it. */
export function RadioGroupField({ label, name, options, error, help, inline, value, onChange }: Base & { value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <RadioGroup className="field" name={name} value={value} onChange={onChange} isInvalid={Boolean(error)} validationBehavior="aria">
      <Label className="label">{label}</Label>
      {help && <Text slot="description" className="help">{help}</Text>}
      <div className={inline ? 'choice-group choice-group--inline' : 'choice-group'} data-field={name}>
        {options.map((o) => (
          <div key={o.value}>
            <Radio value={o.value} className="choice choice--radio" aria-describedby={o.help ? `${id}-${o.value}` : undefined}>
              <Box />
              <span className="choice__text">{o.label}</span>
            </Radio>
            <ChoiceHelp id={`${id}-${o.value}`} text={o.help} />
          </div>
        ))}
      </div>
      <FieldError className="error">{error}</FieldError>
    </RadioGroup>
  );
}

/** One yes/no choice (a single checkbox with its label and an optional explanation). */
export function CheckboxField({ label, name, help, value, onChange }: { label: string; name: string; help?: string; value: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="field" data-field={name}>
      <Checkbox name={name} isSelected={value} onChange={onChange} className="choice choice--checkbox" aria-describedby={help ? id : undefined}>
        <Box />
        <span className="choice__text">{label}</span>
      </Checkbox>
      <ChoiceHelp id={id} text={help} />
    </div>
  );
}
