import type { z } from 'zod';
import { costCategories } from '../../../core/figures/budget';
import { monthCostsInput, type budgetView } from '../../../core/schemas/budget';
import { t } from '../../i18n/sv';
import { del, put } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { numberOrNull, useZodForm } from '../../lib/form';
import { FormDialog } from '../../components/FormDialog';
import { ConfirmRemoveDialog } from '../../components/ConfirmRemoveDialog';
import { TextField } from '../../components/Field';
import { TableRegion } from '../../components/TableRegion';
import { useRefresh } from './GoalDialogs';

// "Kostnader per månad" on Mål och budget (issue 12): the year's twelve months by cost category,
// the sums next to the year's budget. Those who may edit open a month by its name (first in the
// row, so it stays in view when the table scrolls) and change or, after a confirmation, remove it.

const tc = t.goalsBudget.costs;
type Budget = z.infer<typeof budgetView>;
type Month = Budget['months'][number];
type Done = (message: string) => void;

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
/** "mars 2025", for people (dialogs and messages); the API keys months as 2025-03. */
const shortName = (month: string) => monthName(month).split(' ')[0];
const monthName = (month: string) => new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
/** An amount as typed in Sweden: decimal comma, no thousands separator to trip over. */
/** "Löne­kostnader": a soft hyphen before "kostnader", so a narrow column's heading may break there. */
const breakable = (label: string) => label.replace(/(\p{L})(kostnader)$/u, '$1\u00ad$2');
const amountFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const amountText = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

export function MonthlyCosts({ interventionId, budget, onDone }: { interventionId: string; budget: Budget; onDone: Done }) {
  const codes = useCodes();
  const byMonth = new Map(budget.months.map((m) => [m.month, m]));
  const budgetOf = (category: string) => budget.rows.find((r) => r.category === category);
  const edit = budget.can.edit;
  // As the budget table: the categories with a budget or a cost this year (all while there is none).
  const shown = budget.rows.length ? costCategories.filter((c) => budgetOf(c)) : costCategories;
  // Kronor without "kr" in the cells (the caption says kronor), so twelve columns fit.
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '–' : amountFormat.format(n));
  return (
    <section className="card" aria-labelledby="month-costs">
      <h2 id="month-costs">{tc.title(budget.year)}</h2>
      <p className="muted">{tc.intro}{edit && ` ${tc.editHelp}`}</p>
      <div className="month-costs">
        <TableRegion label={tc.title(budget.year)}>
        <table className="data">
          <caption className="visually-hidden">{tc.title(budget.year)}</caption>
          <thead>
            <tr>
              <th scope="col">{tc.month}</th>
              {shown.map((c) => <th scope="col" key={c} className="num">{breakable(codes.label('cost_category', c))}</th>)}
              <th scope="col" className="num">{t.goalsBudget.total}</th>
            </tr>
          </thead>
          <tbody>
            {monthsOf(budget.year).map((month) => {
              const costs = byMonth.get(month);
              return (
                <tr key={month}>
                  <th scope="row">
                    {edit ? (
                      // Keyed by the month's costs, so the form opens with what is stored now.
                      <MonthCostsDialog key={JSON.stringify(costs)} interventionId={interventionId} month={month} costs={costs} onDone={onDone} />
                    ) : (
                      <><span aria-hidden="true">{shortName(month)}</span><span className="visually-hidden">{monthName(month)}</span></>
                    )}
                  </th>
                  {shown.map((c) => <td key={c} className="num">{costs?.costs[c] === undefined ? '–' : money(costs.costs[c])}</td>)}
                  <td className="num">{costs ? money(costs.total) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{tc.sum}</th>
              {shown.map((c) => <td key={c} className="num">{money(budgetOf(c)?.actual ?? 0)}</td>)}
              <td className="num">{money(budget.total.actual)}</td>
            </tr>
            <tr>
              <th scope="row">{tc.budget}</th>
              {shown.map((c) => <td key={c} className="num">{money(budgetOf(c)?.budget ?? null)}</td>)}
              <td className="num">{money(budget.total.budget)}</td>
            </tr>
            <tr>
              <th scope="row">{tc.left}</th>
              {shown.map((c) => <td key={c} className="num">{budgetOf(c) ? money(budgetOf(c)!.difference) : '–'}</td>)}
              <td className="num">{money(budget.total.difference)}</td>
            </tr>
          </tfoot>
        </table>
        </TableRegion>
      </div>
    </section>
  );
}

/** "Ändra" a month: one field per cost category; an emptied field removes that category's cost. */
function MonthCostsDialog({ interventionId, month, costs, onDone }: { interventionId: string; month: string; costs: Month | undefined; onDone: Done }) {
  const codes = useCodes();
  const refresh = useRefresh();
  const initial = Object.fromEntries(costCategories.map((c) => [c, amountText(costs?.costs[c])]));
  const form = useZodForm(monthCostsInput, initial, (v) => ({ costs: Object.fromEntries(costCategories.map((c) => [c, numberOrNull(v[c])])) }));
  const { values, set, errors } = form;
  const save = async (input: unknown) => {
    await put(`/api/v1/interventions/${interventionId}/costs/${month}`, input);
    await refresh();
    return tc.saved(monthName(month));
  };
  return (
    <FormDialog trigger={shortName(month)} triggerVariant="quiet" triggerLabel={tc.editLabel(monthName(month))} title={tc.editTitle(monthName(month))} form={form} save={save} onDone={onDone}
      moreActions={costs && (
        <ConfirmRemoveDialog triggerVariant="danger" triggerLabel={tc.removeLabel(monthName(month))} title={tc.removeTitle} text={tc.removeText(monthName(month), t.goalsBudget.kronorExact(costs.total))}
          confirm={tc.removeConfirm} remove={() => del(`/api/v1/interventions/${interventionId}/costs/${month}`).then(refresh)} done={tc.removed(monthName(month))} onDone={onDone} />
      )}>
      <p>{tc.help}</p>
      {costCategories.map((c) => (
        <TextField key={c} label={`${codes.label('cost_category', c)} ${t.common.optional}`} name={c} inputMode="decimal" value={values[c]} onChange={set(c)} error={errors[`costs.${c}`]} />
      ))}
    </FormDialog>
  );
}
