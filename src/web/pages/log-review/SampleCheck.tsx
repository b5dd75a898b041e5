import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { todayIso } from '../../i18n/format';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { AccessTable } from './AccessTable';
import { Downloads, fieldErrors, useFocusOnChange } from './shared';
import type { AccessSample } from './types';

const L = t.logReview;
const date = /^\d{4}-\d{2}-\d{2}$/;
const monthAgo = () => {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
};

type SampleQuery = { from: string; to: string; k: number; seed?: string };

/** The recurring random sample check: k accesses to person data drawn from a period, reproducible by its seed. */
export function SampleCheck() {
  const [from, setFrom] = useState(monthAgo);
  const [to, setTo] = useState(todayIso);
  const [k, setK] = useState('20');
  const [seed, setSeed] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [drawn, setDrawn] = useState<SampleQuery>();
  const sample = useMutation({ mutationFn: (query: SampleQuery) => post<AccessSample>('/api/v1/audit/sample', query) });
  const summary = useFocusOnChange<HTMLHeadingElement>(sample.data);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!date.test(from.trim())) errors.from = L.required;
    if (!date.test(to.trim())) errors.to = L.required;
    const n = Number(k.trim());
    if (!Number.isInteger(n) || n < 1 || n > 1000) errors.k = L.kRange;
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const query = { from: from.trim(), to: to.trim(), k: n, ...(seed.trim() && { seed: seed.trim() }) };
    sample.mutate(query, { onSuccess: (answer) => setDrawn({ ...query, seed: answer.seed }) });
  };
  const errors = { ...fieldErrors(sample.error), ...local };
  const data = sample.data;

  return (
    <section aria-labelledby="sample-check" className="stack">
      <div>
        <h2 id="sample-check">{L.sampleTitle}</h2>
        <p>{L.sampleIntro}</p>
      </div>
      <form aria-label={L.sampleLabel} onSubmit={submit} className="card stack" noValidate>
        <div className="form-grid">
          <TextField label={L.sampleFrom} name="sampleFrom" type="date" help={t.enrol.dateHelp} value={from} onChange={setFrom} error={errors.from} isRequired />
          <TextField label={L.sampleTo} name="sampleTo" type="date" value={to} onChange={setTo} error={errors.to} isRequired />
          <TextField label={L.sampleK} name="k" inputMode="numeric" value={k} onChange={setK} error={errors.k} isRequired />
          <TextField label={L.sampleSeed} name="seed" help={L.sampleSeedHelp} value={seed} onChange={setSeed} error={errors.seed} autoComplete="off" />
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={sample.isPending}>{L.sampleSubmit}</Button>
        </div>
      </form>
      {Object.keys(fieldErrors(sample.error)).length === 0 && <ErrorNotice error={sample.error} />}
      {data && drawn && (
        <section aria-labelledby="sample-summary" className="stack">
          <div>
            <h3 id="sample-summary" ref={summary} tabIndex={-1}>{L.sampleSummary(data.items.length, data.population)}</h3>
            <p className="muted">{L.period(data.period.from, data.period.to)}. {L.sampleSeedLine(data.seed)}</p>
          </div>
          <div className="actions">
            <Downloads url="/api/v1/audit/sample/export" body={drawn} disabled={data.items.length === 0} />
          </div>
          {data.items.length === 0 ? <EmptyState>{L.noAccesses}</EmptyState> : <AccessTable caption={L.sampleCaption} rows={data.items} />}
        </section>
      )}
    </section>
  );
}
