import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { SelectField } from '../../components/SelectField';
import { Button } from '../../components/Button';

const ty = t.goalsBudget.year;

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
