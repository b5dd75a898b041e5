import { t } from '../../i18n/sv';
import { currentYear } from '../../i18n/format';
import type { PeriodChoice } from '../../lib/period';
import { RadioGroupField } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/Field';

/** Month, tertial (T1–T3), year or a custom period. */
export function PeriodFields({ value, onChange }: { value: PeriodChoice; onChange: (v: PeriodChoice) => void }) {
  const set = (key: keyof PeriodChoice) => (v: string) => onChange({ ...value, [key]: v });
  const years = Array.from({ length: 8 }, (_, i) => String(currentYear() - i));
  return (
    <div className="stack">
      <RadioGroupField label={t.report.periodKind} name="periodKind" inline value={value.kind} onChange={set('kind')}
        options={Object.entries(t.report.periodKinds).map(([v, label]) => ({ value: v, label }))} />
      <div className="form-grid">
        {value.kind !== 'custom' && (
          <SelectField label={t.report.year} name="year" value={value.year} onChange={set('year')} options={years.map((y) => ({ value: y, label: y }))} />
        )}
        {value.kind === 'month' && (
          <SelectField label={t.report.month} name="month" value={value.month} onChange={set('month')}
            options={t.months.map((m, i) => ({ value: String(i + 1), label: m }))} />
        )}
        {value.kind === 'tertial' && (
          <SelectField label={t.report.tertial} name="tertial" value={value.tertial} onChange={set('tertial')}
            options={Object.entries(t.report.tertials).map(([v, label]) => ({ value: v, label }))} />
        )}
        {value.kind === 'custom' && (
          <>
            <TextField label={t.report.from} name="from" type="date" help={t.enrol.dateHelp} value={value.from} onChange={set('from')} />
            <TextField label={t.report.to} name="to" type="date" help={t.enrol.dateHelp} value={value.to} onChange={set('to')} />
          </>
        )}
      </div>
    </div>
  );
}
