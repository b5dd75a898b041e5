import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { planSave } from '../../../core/schemas/case';
import { t } from '../../i18n/sv';
import { put } from '../../lib/api';
import { textOrNull, useZodForm } from '../../lib/form';
import { organisationsQuery } from '../../lib/queries';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { CheckboxField } from '../../components/ChoiceGroup';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import type { Plan } from './case-queries';

type SubGoalValues = { id?: string; text: string; responsibleOrgId: string; targetDate: string; status: string; health: boolean };
type Values = { mainGoal: string; ownWords: string; nextFollowUp: string; health: boolean; subGoals: SubGoalValues[] };

const toInput = (v: Values) => ({
  mainGoal: v.mainGoal,
  ownWords: textOrNull(v.ownWords),
  nextFollowUp: textOrNull(v.nextFollowUp),
  health: v.health,
  subGoals: v.subGoals.map((g) => ({ ...g, responsibleOrgId: g.responsibleOrgId || null, targetDate: textOrNull(g.targetDate) })),
});

const valuesOf = (plan: Plan): Values => ({
  mainGoal: plan.current?.mainGoal ?? '',
  ownWords: plan.current?.ownWords ?? '',
  nextFollowUp: plan.current?.nextFollowUp ?? '',
  health: plan.current?.health ?? false,
  subGoals: plan.subGoals.map((g) => ({ id: g.id, text: g.text ?? '', responsibleOrgId: g.responsible?.id ?? '', targetDate: g.targetDate ?? '', status: g.status, health: g.health })),
});

/** One save of the plan (PUT …/plan): the fields, the sub-goals changed and added. Checked with the server's schema. */
export function PlanForm({ enrolmentId, plan, onDone }: { enrolmentId: string; plan: Plan; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const form = useZodForm(planSave, valuesOf(plan), toInput);
  const p = t.case.plan;
  const goals = form.values.subGoals;
  const setGoal = (i: number, change: Partial<SubGoalValues>) => form.set('subGoals')(goals.map((g, j) => (j === i ? { ...g, ...change } : g)));
  const responsible = [{ value: '', label: p.participant }, ...organisations.filter((o) => o.kind !== 'association').map((o) => ({ value: o.id, label: o.name }))];
  const statuses = Object.entries(p.statuses).map(([value, label]) => ({ value, label }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await put(`/api/v1/enrolments/${enrolmentId}/plan`, input);
      await queryClient.invalidateQueries({ queryKey: ['enrolments', enrolmentId] });
      onDone();
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack" aria-label={p.edit}>
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      <TextField label={p.mainGoal} name="mainGoal" value={form.values.mainGoal} onChange={form.set('mainGoal')} error={form.errors.mainGoal} isRequired multiline />
      <TextField label={`${p.ownWords} ${t.common.optional}`} name="ownWords" value={form.values.ownWords} onChange={form.set('ownWords')} error={form.errors.ownWords} multiline />
      <TextField label={`${p.nextFollowUp} ${t.common.optional}`} name="nextFollowUp" type="date" help={t.enrol.dateHelp} value={form.values.nextFollowUp} onChange={form.set('nextFollowUp')} error={form.errors.nextFollowUp} />
      <CheckboxField label={t.case.health} help={t.case.healthHelp} name="health" value={form.values.health} onChange={form.set('health')} />
      <fieldset className="stack">
        <legend>{p.subGoals}</legend>
        {goals.map((g, i) => {
          const n = g.id ? `${p.subGoal} ${i + 1}` : p.newSubGoal(i + 1);
          return (
            <fieldset key={g.id ?? `new-${i}`} className="card stack">
              <legend>{n}</legend>
              <TextField label={`${n}: text`} name={`subGoals.${i}.text`} value={g.text} onChange={(text) => setGoal(i, { text })} error={form.errors[`subGoals.${i}.text`]} isRequired />
              <SelectField label={`${p.responsible} (${n.toLowerCase()})`} name={`subGoals.${i}.responsibleOrgId`} value={g.responsibleOrgId} onChange={(responsibleOrgId) => setGoal(i, { responsibleOrgId })} options={responsible} error={form.errors[`subGoals.${i}.responsibleOrgId`]} />
              <TextField label={`${p.targetDate} (${n.toLowerCase()}) ${t.common.optional}`} name={`subGoals.${i}.targetDate`} type="date" value={g.targetDate} onChange={(targetDate) => setGoal(i, { targetDate })} error={form.errors[`subGoals.${i}.targetDate`]} />
              <SelectField label={`${p.status} (${n.toLowerCase()})`} name={`subGoals.${i}.status`} value={g.status} onChange={(status) => setGoal(i, { status })} options={statuses} />
              <CheckboxField label={`${t.case.health} (${n.toLowerCase()})`} name={`subGoals.${i}.health`} value={g.health} onChange={(health) => setGoal(i, { health })} />
            </fieldset>
          );
        })}
        <div className="actions">
          <Button variant="secondary" onPress={() => form.set('subGoals')([...goals, { text: '', responsibleOrgId: '', targetDate: '', status: 'not_started', health: false }])}>{p.addSubGoal}</Button>
        </div>
      </fieldset>
      <div className="actions">
        <Button type="submit">{p.save}</Button>
        <Button variant="secondary" onPress={onDone}>{p.cancel}</Button>
      </div>
    </form>
  );
}
