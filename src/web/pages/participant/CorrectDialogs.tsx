import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { enrolmentUpdate } from '../../../core/schemas/enrolment';
import { t } from '../../i18n/sv';
import { patch, post } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { choiceOf, completionOf, completionOptions } from '../../lib/completion';
import { numberOrNull, textOrNull, useZodForm } from '../../lib/form';
import type { Enrolment } from '../../lib/queries';
import { ModalDialog } from '../../components/Dialog';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { CheckboxGroupField } from '../../components/ChoiceGroup';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';

// "Ändra" for the start date, the situation at start and the exit, and "Ångra avslut" (issue 9).
// Each correction is a PATCH the server keeps as a revision; the page shows the result message and
// the history. Shown only when the enrolment's `can` flags say so.

type Done = (message: string) => void;
type Props = { enrolment: Enrolment; onDone: Done };

const asText = (n: number | null) => (n === null ? '' : String(n));

/** Saves a correction and refreshes the participant and the figures; gives the page its message. */
function useSave(enrolment: Enrolment) {
  const queryClient = useQueryClient();
  return async (input: unknown) => {
    await patch(`/api/v1/enrolments/${enrolment.id}`, input);
    await queryClient.invalidateQueries({ queryKey: ['enrolments'] });
    await queryClient.invalidateQueries({ queryKey: ['outcomes'] });
    return t.correct.saved;
  };
}

type CorrectionForm = { parse: () => unknown; fail: (error: unknown) => void; formError: string | null };

/** The dialog every correction shares: a form dialog titled as its button, with an optional note above the fields. */
function CorrectionDialog({ title, form, save, onDone, note, children }: { title: string; form: CorrectionForm; save: ReturnType<typeof useSave>; onDone: Done; note?: string; children: ReactNode }) {
  return (
    <FormDialog trigger={title} title={title} form={form} save={save} onDone={onDone}>
      {note && <p>{note}</p>}
      {children}
    </FormDialog>
  );
}

export function StartDateDialog({ enrolment, onDone }: Props) {
  const save = useSave(enrolment);
  const form = useZodForm(enrolmentUpdate, { startDate: enrolment.startDate }, (v) => ({ startDate: v.startDate }));
  return (
    <CorrectionDialog title={t.correct.editStart} form={form} save={save} onDone={onDone} note={t.correct.figuresNote}>
      <TextField label={t.participant.start} name="startDate" type="date" help={t.correct.startHelp} value={form.values.startDate} onChange={form.set('startDate')} error={form.errors.startDate} isRequired />
    </CorrectionDialog>
  );
}

type IntakeValues = { incomeBefore: string[]; occupationBefore: string; occupationBeforeExtent: string; education: string; supportTime: string };

export function IntakeDialog({ enrolment: e, onDone }: Props) {
  const codes = useCodes();
  const save = useSave(e);
  const initial: IntakeValues = {
    incomeBefore: e.incomeBefore,
    occupationBefore: e.occupationBefore ?? '',
    occupationBeforeExtent: asText(e.occupationBeforeExtent),
    education: e.education ?? '',
    supportTime: e.supportTime ?? '',
  };
  const form = useZodForm(enrolmentUpdate, initial, (v) => ({
    incomeBefore: v.incomeBefore,
    occupationBefore: textOrNull(v.occupationBefore),
    occupationBeforeExtent: numberOrNull(v.occupationBeforeExtent),
    education: textOrNull(v.education),
    supportTime: textOrNull(v.supportTime),
  }));
  const { values, set, errors } = form;
  return (
    <CorrectionDialog title={t.correct.editIntake} form={form} save={save} onDone={onDone}>
      <CheckboxGroupField label={`${t.enrol.incomeBefore} ${t.common.optional}`} name="incomeBefore" value={values.incomeBefore} onChange={set('incomeBefore')} error={errors.incomeBefore} options={codes.options('income_source')} />
      <SelectField label={`${t.enrol.occupationBefore} ${t.common.optional}`} name="occupationBefore" value={values.occupationBefore} onChange={set('occupationBefore')} error={errors.occupationBefore}
        options={[{ value: '', label: t.common.none }, ...codes.options('occupation')]} />
      <TextField label={`${t.enrol.extent} ${t.common.optional}`} name="occupationBeforeExtent" inputMode="numeric" help={t.enrol.extentHelp} value={values.occupationBeforeExtent} onChange={set('occupationBeforeExtent')} error={errors.occupationBeforeExtent} />
      <SelectField label={`${t.enrol.education} ${t.common.optional}`} name="education" value={values.education} onChange={set('education')} error={errors.education}
        options={[{ value: '', label: t.common.none }, ...codes.options('education')]} />
      <SelectField label={`${t.enrol.supportTime} ${t.common.optional}`} name="supportTime" value={values.supportTime} onChange={set('supportTime')} error={errors.supportTime}
        options={[{ value: '', label: t.common.none }, ...codes.options('support_time')]} />
    </CorrectionDialog>
  );
}

type ExitValues = { exitDate: string; exitReason: string; exitDetail: string; exitCompleted: string; incomeAfter: string[]; occupationAfter: string; occupationAfterExtent: string };

export function ExitDataDialog({ enrolment: e, onDone }: Props) {
  const codes = useCodes();
  const save = useSave(e);
  const initial: ExitValues = {
    exitDate: e.exitDate ?? '',
    exitReason: e.exitReason ?? '',
    exitDetail: e.exitDetail ?? '',
    exitCompleted: choiceOf(e.exitCompleted),
    incomeAfter: e.incomeAfter,
    occupationAfter: e.occupationAfter ?? '',
    occupationAfterExtent: asText(e.occupationAfterExtent),
  };
  const form = useZodForm(enrolmentUpdate, initial, (v) => ({
    exitDate: v.exitDate,
    exitReason: v.exitReason,
    exitDetail: textOrNull(v.exitDetail),
    exitCompleted: completionOf(v.exitCompleted),
    incomeAfter: v.incomeAfter,
    occupationAfter: textOrNull(v.occupationAfter),
    occupationAfterExtent: numberOrNull(v.occupationAfterExtent),
  }));
  const { values, set, errors } = form;
  return (
    <CorrectionDialog title={t.correct.editExit} form={form} save={save} onDone={onDone} note={t.correct.figuresNote}>
      <TextField label={t.exit.exitDate} name="exitDate" type="date" help={t.correct.exitDateHelp} value={values.exitDate} onChange={set('exitDate')} error={errors.exitDate} isRequired />
      <SelectField label={t.exit.reason} name="exitReason" value={values.exitReason} onChange={set('exitReason')} error={errors.exitReason} isRequired
        options={codes.options('exit_reason').filter((o) => o.value !== 'consent_withdrawn')} />
      <TextField label={`${t.exit.detail} ${t.common.optional}`} name="exitDetail" help={t.exit.detailHelp} value={values.exitDetail} onChange={set('exitDetail')} error={errors.exitDetail} />
      <SelectField label={t.exit.completed} name="exitCompleted" help={t.exit.completedHelp} value={values.exitCompleted} onChange={set('exitCompleted')} error={errors.exitCompleted} options={completionOptions()} />
      <CheckboxGroupField label={`${t.exit.incomeAfter} ${t.common.optional}`} name="incomeAfter" value={values.incomeAfter} onChange={set('incomeAfter')} error={errors.incomeAfter} options={codes.options('income_source')} />
      <SelectField label={`${t.exit.occupationAfter} ${t.common.optional}`} name="occupationAfter" value={values.occupationAfter} onChange={set('occupationAfter')} error={errors.occupationAfter}
        options={[{ value: '', label: t.common.none }, ...codes.options('occupation')]} />
      <TextField label={`${t.exit.extent} ${t.common.optional}`} name="occupationAfterExtent" inputMode="numeric" help={t.enrol.extentHelp} value={values.occupationAfterExtent} onChange={set('occupationAfterExtent')} error={errors.occupationAfterExtent} />
    </CorrectionDialog>
  );
}

/** "Ångra avslut", after a confirmation that says what happens. */
export function ReopenDialog({ enrolment, onDone }: Props) {
  const queryClient = useQueryClient();
  const form = useZodForm(enrolmentUpdate, {}, () => ({}));
  const reopen = async (close: () => void) => {
    try {
      await post(`/api/v1/enrolments/${enrolment.id}/reopen`, {});
      await queryClient.invalidateQueries({ queryKey: ['enrolments'] });
      await queryClient.invalidateQueries({ queryKey: ['outcomes'] });
      close();
      onDone(t.correct.reopened);
    } catch (error) {
      form.fail(error);
    }
  };
  return (
    <ModalDialog trigger={t.correct.reopen} title={t.correct.reopenTitle} role="alertdialog">
      {(close) => (
        <div className="stack">
          {form.formError && <Notice tone="error">{form.formError}</Notice>}
          <p>{t.correct.reopenText}</p>
          <div className="actions">
            <Button onPress={() => void reopen(close)}>{t.correct.reopenConfirm}</Button>
            <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
