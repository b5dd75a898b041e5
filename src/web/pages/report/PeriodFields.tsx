import type { Period } from '../../../core/dates';
import { t } from '../../i18n/sv';
import { currentYear, formatDate } from '../../i18n/format';
import { RadioGroupField } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/Field';
import { choiceLabel, periodTexts, type ReportPeriodChoice } from './reportPeriod';

/**
 * Month, tertial (T1–T3), year, the project period, or a custom period. Where the figures are
 * suppressed (`suppressed`, as the server answers; undefined while not yet known) only the
 * calendar periods and the project period are offered: the server gives suppressed figures for
 * no other range.
 */
export function PeriodFields({ value, onChange, suppressed, project }: {
  value: ReportPeriodChoice;
  onChange: (v: ReportPeriodChoice) => void;
  suppressed: boolean | undefined;
  project: Period | null;
}) {
  const set = (key: keyof ReportPeriodChoice) => (v: string) => onChange({ ...value, [key]: v });
  const years = Array.from({ length: 8 }, (_, i) => String(currentYear() - i));
  const kinds = [
    { value: 'month', label: t.report.periodKinds.month },
    { value: 'tertial', label: t.report.periodKinds.tertial },
    { value: 'year', label: t.report.periodKinds.year },
    ...(project ? [{ value: 'project', label: periodTexts.projectWithDates(formatDate(project.from), formatDate(project.to)) }] : []),
    ...(suppressed === false ? [{ value: 'custom', label: t.report.periodKinds.custom }] : []),
  ];
  const label = choiceLabel(value);
  return (
    <div className="stack">
      <RadioGroupField label={t.report.periodKind} name="periodKind" inline value={value.kind} onChange={set('kind')} options={kinds}
        help={suppressed ? periodTexts.suppressedHelp : undefined} />
      <div className="form-grid">
        {(value.kind === 'month' || value.kind === 'tertial' || value.kind === 'year') && (
          <SelectField label={t.report.year} name="year" value={value.year} onChange={set('year')} options={years.map((y) => ({ value: y, label: y }))} />
        )}
        {value.kind === 'month' && (
          <SelectField label={t.report.month} name="month" value={value.month} onChange={set('month')}
            options={t.months.map((m, i) => ({ value: String(i + 1), label: m }))} />
        )}
        {value.kind === 'tertial' && (
          <SelectField label={t.report.tertial} name="tertial" value={value.tertial} onChange={set('tertial')}
            options={Object.entries(t.report.tertials).map(([v, l]) => ({ value: v, label: l }))} />
        )}
        {value.kind === 'custom' && (
          <>
            <TextField label={t.report.from} name="from" type="date" help={t.enrol.dateHelp} value={value.from} onChange={set('from')} />
            <TextField label={t.report.to} name="to" type="date" help={t.enrol.dateHelp} value={value.to} onChange={set('to')} />
          </>
        )}
      </div>
      {label && <p className="muted" aria-live="polite">{periodTexts.chosen(label)}</p>}
    </div>
  );
}
