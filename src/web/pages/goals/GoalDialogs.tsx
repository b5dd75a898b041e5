import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { exitReasonGroupLabels } from '../../../core/code-lists';
import { exitGroups } from '../../../core/figures/key-figures';
import { goalKinds } from '../../../core/figures/goals';
import { builtInQuestions } from '../../../core/surveys/built-in';
import { goalInput, type goalView } from '../../../core/schemas/goals';
import { t } from '../../i18n/sv';
import { del, patch, post } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { numberOrNull, textOrNull, useZodForm } from '../../lib/form';
import { ConfirmRemoveDialog } from '../../components/ConfirmRemoveDialog';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { CheckboxGroupField, RadioGroupField } from '../../components/ChoiceGroup';

// "Lägg till mål", "Ändra" and "Ta bort" on Mål och budget (issue 12). The form shows the fields
// the chosen kind needs; a share is typed in per cent and sent as a fraction (0,4 = 40 %).

const te = t.goalsBudget.edit;
type Goal = z.infer<typeof goalView>;
type Done = (message: string) => void;
type Values = { period: string; kind: string; title: string; target: string; exitGroups: string[]; employmentTypes: string[]; employmentMeasure: string; surveyQuestion: string; statedValue: string; statedMet: string };

const shareKinds = ['work_or_studies', 'further_step', 'completion', 'survey'];
const isShare = (kind: string) => shareKinds.includes(kind);
const decimal = (n: number) => String(Math.round(n * 1e6) / 1e6).replace('.', ',');

/** The periods offered: last, this and next year, this year's tertials and the project period (and the goal's own). */
function periodOptions(year: number, own?: string) {
  const periods = [String(year - 1), String(year), String(year + 1), ...[1, 2, 3].map((n) => `${year}-T${n}`), 'project'];
  if (own && !periods.includes(own)) periods.unshift(own);
  return periods.map((p) => ({ value: p, label: p === 'project' ? t.intervention.period : p }));
}

const valuesOf = (g: Goal | undefined, year: number): Values => ({
  period: g?.period ?? String(year),
  kind: g?.kind ?? '',
  title: g?.title ?? '',
  target: g ? decimal(isShare(g.kind) ? g.target * 100 : g.target) : '',
  exitGroups: g?.exitGroups ?? [],
  employmentTypes: g?.employmentTypes ?? [],
  employmentMeasure: g?.employmentMeasure ?? '',
  surveyQuestion: g?.surveyQuestion ?? '',
  statedValue: g?.statedValue ?? '',
  statedMet: g?.statedMet === true ? 'yes' : g?.statedMet === false ? 'no' : '',
});

/** The survey questions asked both at start and at exit on a scale, so a change can be measured (and the goal's own). */
function questionOptions(own: string | null | undefined) {
  const options = builtInQuestions
    .filter((q) => q.variants.includes('start') && q.variants.includes('exit') && ['frequency', 'extent', 'step'].includes(q.kind))
    .map((q) => ({ value: q.key, label: q.texts.sv?.text ?? q.key }));
  return own && !options.some((o) => o.value === own) ? [{ value: own, label: own }, ...options] : options;
}

/** The form's values as the API's goal input: only what the kind uses. */
function inputOf(v: Values) {
  const target = numberOrNull(v.target);
  const manual = v.kind === 'manual';
  return {
    period: v.period,
    kind: v.kind || undefined,
    title: v.title,
    target: manual ? undefined : target !== null && isShare(v.kind) ? target / 100 : target,
    exitGroups: v.kind === 'further_step' ? v.exitGroups : [],
    employmentTypes: v.kind === 'employment' ? v.employmentTypes : [],
    employmentMeasure: v.kind === 'employment' ? v.employmentMeasure || null : null,
    surveyQuestion: v.kind === 'survey' ? textOrNull(v.surveyQuestion) : null,
    statedValue: manual ? textOrNull(v.statedValue) : null,
    statedMet: manual && v.statedMet ? v.statedMet === 'yes' : null,
  };
}

/** Refreshes what a change of goals or budget moves: goals, budget and the figures. */
export function useRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all(['goals', 'budget'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

/** Adds a goal (no `goal`) or changes one. */
export function GoalDialog({ interventionId, year, goal, onDone }: { interventionId: string; year: number; goal?: Goal; onDone: Done }) {
  const codes = useCodes();
  const refresh = useRefresh();
  const form = useZodForm(goalInput, valuesOf(goal, year), inputOf);
  const { values, set, errors } = form;
  const save = async (input: unknown) => {
    if (goal) await patch(`/api/v1/interventions/${interventionId}/goals/${goal.id}`, input);
    else await post(`/api/v1/interventions/${interventionId}/goals`, input);
    await refresh();
    if (!goal) form.reset();
    return goal ? te.changed : te.added;
  };
  // A share's range is said in per cent here, where the server speaks of fractions.
  const targetError = errors.target && isShare(values.kind) && numberOrNull(values.target) !== null ? te.shareRange : errors.target;
  return (
    <FormDialog trigger={goal ? t.common.edit : te.add} triggerLabel={goal ? te.editLabel(goal.title) : undefined} triggerVariant={goal ? 'secondary' : 'primary'} title={goal ? te.editTitle : te.add}
      form={form} save={save} onDone={onDone}>
          <SelectField label={te.kind} name="kind" value={values.kind} onChange={set('kind')} error={errors.kind} isRequired options={goalKinds.map((k) => ({ value: k, label: te.kinds[k] }))} />
          <TextField label={te.title} name="title" help={te.titleHelp} value={values.title} onChange={set('title')} error={errors.title} isRequired />
          <SelectField label={t.goalsBudget.period} name="period" value={values.period} onChange={set('period')} error={errors.period} isRequired options={periodOptions(year, goal?.period)} />
          {values.kind && values.kind !== 'manual' && (
            <TextField label={isShare(values.kind) ? te.targetShare : te.targetCount} name="target" inputMode="numeric" help={isShare(values.kind) ? te.targetShareHelp : undefined} value={values.target} onChange={set('target')} error={targetError} isRequired />
          )}
          {values.kind === 'further_step' && (
            <CheckboxGroupField label={te.exitGroups} name="exitGroups" value={values.exitGroups} onChange={set('exitGroups')} error={errors.exitGroups} options={exitGroups.map((g) => ({ value: g, label: exitReasonGroupLabels[g] }))} />
          )}
          {values.kind === 'employment' && (
            <>
              <RadioGroupField label={te.measure} name="employmentMeasure" value={values.employmentMeasure} onChange={set('employmentMeasure')} error={errors.employmentMeasure} options={[{ value: 'started', label: te.measures.started }, { value: 'persons', label: te.measures.persons }]} />
              <CheckboxGroupField label={`${te.employmentTypes} ${t.common.optional}`} help={te.employmentTypesHelp} name="employmentTypes" value={values.employmentTypes} onChange={set('employmentTypes')} error={errors.employmentTypes} options={codes.options('employment_type')} />
            </>
          )}
          {values.kind === 'survey' && (
            <SelectField label={te.surveyQuestion} name="surveyQuestion" help={te.surveyQuestionHelp} value={values.surveyQuestion} onChange={set('surveyQuestion')} error={errors.surveyQuestion} isRequired options={questionOptions(goal?.surveyQuestion)} />
          )}
          {values.kind === 'manual' && (
            <>
              <TextField label={`${te.statedValue} ${t.common.optional}`} name="statedValue" help={te.statedValueHelp} value={values.statedValue} onChange={set('statedValue')} error={errors.statedValue} />
              <SelectField label={`${te.statedMet} ${t.common.optional}`} name="statedMet" value={values.statedMet} onChange={set('statedMet')} error={errors.statedMet}
                options={[{ value: '', label: te.notJudged }, { value: 'yes', label: t.common.yes }, { value: 'no', label: t.common.no }]} />
            </>
          )}
    </FormDialog>
  );
}

/** "Ta bort" a goal, after a confirmation naming it. */
export function RemoveGoalDialog({ interventionId, goal, onDone }: { interventionId: string; goal: Goal; onDone: Done }) {
  const refresh = useRefresh();
  return (
    <ConfirmRemoveDialog triggerLabel={te.removeLabel(goal.title)} title={te.removeTitle} text={te.removeText(goal.title)} confirm={te.removeConfirm}
      remove={() => del(`/api/v1/interventions/${interventionId}/goals/${goal.id}`).then(refresh)} done={te.removed} onDone={onDone} />
  );
}
