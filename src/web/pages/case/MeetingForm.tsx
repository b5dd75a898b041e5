import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { meetingInput, otherRoles } from '../../../core/schemas/case';
import { t } from '../../i18n/sv';
import { todayIso } from '../../i18n/format';
import { post } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { textOrNull, useZodForm } from '../../lib/form';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { CheckboxField, CheckboxGroupField } from '../../components/ChoiceGroup';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import type { Meetings, Plan } from './case-queries';

type Values = {
  type: string;
  date: string;
  time: string;
  participantPresent: boolean;
  staffUserIds: string[];
  otherRoles: string[];
  notes: string;
  actions: { text: string; subGoalId: string }[];
  nextDate: string;
  nextTime: string;
  health: boolean;
};

const at = (date: string, time: string) => `${date.trim()}T${time.trim()}`;
const toInput = (v: Values) => ({
  type: v.type,
  heldAt: at(v.date, v.time),
  participantPresent: v.participantPresent,
  staffUserIds: v.staffUserIds,
  otherRoles: v.otherRoles,
  notes: textOrNull(v.notes),
  actions: v.actions.filter((a) => a.text.trim() !== '').map((a) => ({ text: a.text, subGoalId: a.subGoalId || null })),
  nextMeetingAt: v.nextDate.trim() ? at(v.nextDate, v.nextTime || '09:00') : null,
  health: v.health,
});

/** A new meeting (POST …/meetings), checked with the server's schema before it is sent. */
export function MeetingForm({ enrolmentId, meetings, subGoals, onDone }: { enrolmentId: string; meetings: Meetings; subGoals: Plan['subGoals']; onDone: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const codes = useCodes();
  const m = t.case.meetings;
  const initial: Values = { type: '', date: todayIso(), time: '', participantPresent: true, staffUserIds: [], otherRoles: [], notes: '', actions: [{ text: '', subGoalId: '' }], nextDate: '', nextTime: '', health: false };
  const form = useZodForm(meetingInput, initial, toInput);
  const actions = form.values.actions;
  const setAction = (i: number, change: Partial<Values['actions'][number]>) => form.set('actions')(actions.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const goalOptions = [{ value: '', label: m.noGoal }, ...subGoals.map((g) => ({ value: g.id, label: g.text ?? '–' }))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await post(`/api/v1/enrolments/${enrolmentId}/meetings`, input);
      await queryClient.invalidateQueries({ queryKey: ['enrolments', enrolmentId] });
      onDone(true);
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack card" aria-label={m.add}>
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      <SelectField label={m.type} name="type" value={form.values.type} onChange={form.set('type')} options={codes.options('meeting_type')} error={form.errors.type} isRequired />
      <div className="grid-cards">
        <TextField label={m.date} name="date" type="date" help={t.enrol.dateHelp} value={form.values.date} onChange={form.set('date')} error={form.errors.heldAt} isRequired />
        <TextField label={m.time} name="time" help={m.timeHelp} inputMode="numeric" value={form.values.time} onChange={form.set('time')} error={form.errors.heldAt && m.timeError} isRequired />
      </div>
      <CheckboxField label={m.participantPresent} name="participantPresent" value={form.values.participantPresent} onChange={form.set('participantPresent')} />
      {meetings.staffOptions.length > 0 && (
        <CheckboxGroupField label={m.staff} help={m.staffHelp} name="staffUserIds" value={form.values.staffUserIds} onChange={form.set('staffUserIds')} error={form.errors.staffUserIds}
          options={meetings.staffOptions.map((s) => ({ value: s.id, label: `${s.name}, ${s.organisation}` }))} />
      )}
      <CheckboxGroupField label={m.others} name="otherRoles" inline value={form.values.otherRoles} onChange={form.set('otherRoles')} options={otherRoles.map((r) => ({ value: r, label: m.roles[r] }))} />
      <TextField label={`${m.notes} ${t.common.optional}`} name="notes" multiline value={form.values.notes} onChange={form.set('notes')} error={form.errors.notes} />
      <fieldset className="stack">
        <legend>{m.actions}</legend>
        {actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added at the end, never removed or reordered
          <div key={i} className="grid-cards">
            <TextField label={m.action(i + 1)} name={`actions.${i}.text`} value={a.text} onChange={(text) => setAction(i, { text })} error={form.errors[`actions.${i}.text`]} />
            {subGoals.length > 0 && <SelectField label={m.actionGoal(i + 1)} name={`actions.${i}.subGoalId`} value={a.subGoalId} onChange={(subGoalId) => setAction(i, { subGoalId })} options={goalOptions} />}
          </div>
        ))}
        <div className="actions">
          <Button variant="secondary" onPress={() => form.set('actions')([...actions, { text: '', subGoalId: '' }])}>{m.addAction}</Button>
        </div>
      </fieldset>
      <div className="grid-cards">
        <TextField label={`${m.nextDate} ${t.common.optional}`} name="nextDate" type="date" help={t.enrol.dateHelp} value={form.values.nextDate} onChange={form.set('nextDate')} error={form.errors.nextMeetingAt} />
        <TextField label={`${m.nextTime} ${t.common.optional}`} name="nextTime" help={m.timeHelp} inputMode="numeric" value={form.values.nextTime} onChange={form.set('nextTime')} />
      </div>
      <CheckboxField label={t.case.health} help={t.case.healthHelp} name="health" value={form.values.health} onChange={form.set('health')} />
      <div className="actions">
        <Button type="submit">{m.save}</Button>
        <Button variant="secondary" onPress={() => onDone(false)}>{t.case.plan.cancel}</Button>
      </div>
    </form>
  );
}
