import type { z } from 'zod';
import { costCategories } from '../../../core/figures/budget';
import { budgetInput, type budgetView } from '../../../core/schemas/budget';
import { t } from '../../i18n/sv';
import { put } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { numberOrNull, useZodForm } from '../../lib/form';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { useRefresh } from './GoalDialogs';

// "Ange budget" on Mål och budget (issue 12): the year's granted funds and the budget per cost
// category, and the year's administrative costs, saved together (the year's budget is replaced;
// an empty field has no budget line).

const te = t.goalsBudget.edit;
type Budget = z.infer<typeof budgetView>;
type Values = Record<string, string>;

const amountText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));

export function BudgetDialog({ interventionId, budget, onDone }: { interventionId: string; budget: Budget; onDone: (message: string) => void }) {
  const codes = useCodes();
  const refresh = useRefresh();
  const initial: Values = { grant: amountText(budget.grant), administrativeCost: amountText(budget.administrativeCost) };
  for (const c of costCategories) initial[c] = amountText(budget.rows.find((r) => r.category === c && r.budget !== 0)?.budget);
  const form = useZodForm(budgetInput, initial, (v) => ({
    grant: numberOrNull(v.grant),
    administrativeCost: numberOrNull(v.administrativeCost),
    lines: Object.fromEntries(costCategories.filter((c) => v[c].trim() !== '').map((c) => [c, numberOrNull(v[c])])),
  }));
  const { values, set, errors } = form;
  const save = async (input: unknown) => {
    await put(`/api/v1/interventions/${interventionId}/budget/${budget.year}`, input);
    await refresh();
    return te.budgetSaved(budget.year);
  };
  return (
    <FormDialog trigger={te.budget} triggerLabel={te.budgetTitle(budget.year)} title={te.budgetTitle(budget.year)} form={form} save={save} onDone={onDone}>
          <p>{te.budgetHelp}</p>
          <TextField label={`${t.goalsBudget.grant} ${t.common.optional}`} name="grant" inputMode="numeric" help={te.kronorHelp} value={values.grant} onChange={set('grant')} error={errors.grant} />
          {costCategories.map((c) => (
            <TextField key={c} label={`${codes.label('cost_category', c)} ${t.common.optional}`} name={c} inputMode="numeric" value={values[c]} onChange={set(c)} error={errors[`lines.${c}`]} />
          ))}
          <TextField label={`${t.goalsBudget.administrativeCost} ${t.common.optional}`} name="administrativeCost" inputMode="numeric" help={te.administrativeCostHelp} value={values.administrativeCost} onChange={set('administrativeCost')} error={errors.administrativeCost} />
    </FormDialog>
  );
}
