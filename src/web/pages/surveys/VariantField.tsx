import { t } from '../../i18n/sv';
import { SelectField } from '../../components/SelectField';

const variants = ['start', 'during', 'exit'] as const;

/** Start, during or exit: which survey a link opens. */
export function VariantField({ value, onChange, withAll = false }: { value: string; onChange: (value: string) => void; withAll?: boolean }) {
  const options = [...(withAll ? [{ value: '', label: t.surveys.allVariants }] : []), ...variants.map((v) => ({ value: v, label: t.surveys.variants[v] }))];
  return <SelectField label={t.surveys.variant} name="variant" value={value} onChange={onChange} options={options} />;
}
