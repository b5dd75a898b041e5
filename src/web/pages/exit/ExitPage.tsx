import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { enrolmentExit } from '../../../core/schemas/enrolment';
import { t } from '../../i18n/sv';
import { todayIso } from '../../i18n/format';
import { post } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { completionOf, completionOptions } from '../../lib/completion';
import { flash } from '../../lib/flash';
import { numberOrNull, textOrNull, useZodForm } from '../../lib/form';
import { enrolmentQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { CheckboxGroupField } from '../../components/ChoiceGroup';
import { Notice } from '../../components/Notice';
import { QueryError } from '../NotFoundPage';
import { participantName } from '../participant/ParticipantPage';

type Values = { exitDate: string; exitReason: string; exitDetail: string; exitCompleted: string; incomeAfter: string[]; occupationAfter: string; occupationAfterExtent: string };
const toInput = (v: Values) => ({
  exitDate: v.exitDate, exitReason: v.exitReason, exitDetail: textOrNull(v.exitDetail), exitCompleted: completionOf(v.exitCompleted), incomeAfter: v.incomeAfter,
  occupationAfter: textOrNull(v.occupationAfter), occupationAfterExtent: numberOrNull(v.occupationAfterExtent),
});

/** Exit (utskrivning): reason, and income and occupation after. */
export function ExitPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const enrolment = useQuery(enrolmentQuery(id));
  const codes = useCodes();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const form = useZodForm(enrolmentExit, { exitDate: todayIso(), exitReason: '', exitDetail: '', exitCompleted: '', incomeAfter: [], occupationAfter: '', occupationAfterExtent: '' } as Values, toInput);
  if (enrolment.error) return <QueryError error={enrolment.error} />;
  if (!enrolment.data) return <p>{t.app.loading}</p>;
  const e = enrolment.data;
  const { values, set, errors } = form;
  const errorCount = Object.keys(errors).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    setBusy(true);
    try {
      await post(`/api/v1/enrolments/${e.id}/exit`, input);
      await queryClient.invalidateQueries({ queryKey: ['enrolments'] });
      await queryClient.invalidateQueries({ queryKey: ['outcomes'] });
      flash(t.exit.done);
      await navigate({ to: '/deltagare/$id', params: { id: e.id } });
    } catch (error) {
      form.fail(error);
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader title={t.exit.title} intro={`${participantName(e)} · ${e.intervention.name}. ${t.exit.intro}`}
        above={<Link to="/deltagare/$id" params={{ id: e.id }}>{participantName(e)}</Link>} />
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      {errorCount > 0 && !form.formError && <Notice tone="error">{t.common.formHasErrors(errorCount)}</Notice>}
      <form onSubmit={submit} noValidate className="stack" aria-label={t.exit.title}>
        <div className="card form-grid">
          <TextField label={t.exit.exitDate} name="exitDate" type="date" help={t.enrol.dateHelp} value={values.exitDate} onChange={set('exitDate')} error={errors.exitDate} isRequired />
          <SelectField label={t.exit.reason} name="exitReason" value={values.exitReason} onChange={set('exitReason')} isRequired
            error={errors.exitReason && (values.exitReason ? errors.exitReason : t.common.chooseOne)} options={codes.options('exit_reason')} />
          <TextField label={`${t.exit.detail} ${t.common.optional}`} name="exitDetail" help={t.exit.detailHelp} value={values.exitDetail} onChange={set('exitDetail')} error={errors.exitDetail} />
          <SelectField label={t.exit.completed} name="exitCompleted" help={t.exit.completedHelp} value={values.exitCompleted} onChange={set('exitCompleted')} error={errors.exitCompleted} options={completionOptions()} />
        </div>
        <div className="card stack">
          <CheckboxGroupField label={`${t.exit.incomeAfter} ${t.common.optional}`} name="incomeAfter" inline value={values.incomeAfter} onChange={set('incomeAfter')} error={errors.incomeAfter} options={codes.options('income_source')} />
          <div className="form-grid">
            <SelectField label={`${t.exit.occupationAfter} ${t.common.optional}`} name="occupationAfter" value={values.occupationAfter} onChange={set('occupationAfter')} error={errors.occupationAfter}
              options={[{ value: '', label: t.common.none }, ...codes.options('occupation')]} />
            <TextField label={`${t.exit.extent} ${t.common.optional}`} name="occupationAfterExtent" inputMode="numeric" help={t.enrol.extentHelp} value={values.occupationAfterExtent} onChange={set('occupationAfterExtent')} error={errors.occupationAfterExtent} />
          </div>
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={busy || !e.can.exit}>{busy ? t.common.saving : t.exit.submit}</Button>
          <Link to="/deltagare/$id" params={{ id: e.id }}>{t.common.cancel}</Link>
        </div>
      </form>
    </div>
  );
}
