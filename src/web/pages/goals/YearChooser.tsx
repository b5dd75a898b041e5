import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { currentYear } from '../../i18n/format';
import { SelectField } from '../../components/SelectField';
import { Button } from '../../components/Button';

const ty = t.goalsBudget.year;

/**
 * The years of the project period: from the start year to the end year; an open-ended
 * intervention runs to next year (its budget is often set in advance).
 */
export function projectYears(startDate: string, endDate: string | null): number[] {
  const from = Number(startDate.slice(0, 4));
  const to = Math.max(from, endDate ? Number(endDate.slice(0, 4)) : currentYear() + 1);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The year shown: ?ar= when it is one of the period's years, else this year brought within the period. */
export function yearShown(years: number[], asked: number | undefined): number {
  if (asked !== undefined && years.includes(asked)) return asked;
  return Math.min(Math.max(currentYear(), years[0]), years[years.length - 1]);
}

/** "År" with "Visa året": the choice lands in the address (?ar=2025), so the year can be linked. */
export function YearChooser({ interventionId, years, year }: { interventionId: string; years: number[]; year: number }) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(String(year));
  const show = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/insatser/$id/mal-och-budget', params: { id: interventionId }, search: { ar: Number(chosen) } });
  };
  return (
    <form onSubmit={show} noValidate className="card year-chooser" aria-label={ty.form}>
      <SelectField label={ty.label} name="year" value={chosen} onChange={setChosen} help={ty.help(years[0], years[years.length - 1])}
        options={years.map((y) => ({ value: String(y), label: String(y) }))} isRequired />
      <Button type="submit">{ty.show}</Button>
    </form>
  );
}
