import { t } from '../../i18n/sv';
import { CheckboxGroupField } from '../../components/ChoiceGroup';

export const categoryOptions = () => (['plan', 'meetings', 'health'] as const).map((value) => ({ value, label: t.case.categories[value] }));

/** What a consent shares with one party: plan, meetings, health (OSL 12:2, chosen per party). */
export function CaseCategoriesField({ party, name, value, onChange, error }: { party: string; name: string; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  return (
    <CheckboxGroupField label={`${t.case.categories.label}: ${party}`} help={t.case.categories.help} name={name} inline value={value} onChange={onChange} error={error} options={categoryOptions()} />
  );
}

/** The categories of a party as text: "Handlingsplan och aktiviteter, Möten och anteckningar". */
export const categoriesText = (categories: string[]) =>
  categories.length === 0 ? t.case.categories.none : categories.map((c) => t.case.categories[c as 'plan'] ?? c).join(', ');
