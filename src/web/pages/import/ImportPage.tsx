import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { upload } from '../../lib/api';
import { meQuery } from '../../lib/session';
import { PageHeader } from '../../components/PageHeader';
import { RadioGroupField } from '../../components/ChoiceGroup';
import { EmptyState } from '../../components/EmptyState';
import { ImportSummary, type Summary } from './ImportSummary';
import { ImportFileForm, useImportRun } from './useImportRun';

/** CSV import: validate first (dry run) and show every row error, then import with progress and a summary. */
export function ImportPage() {
  const { data: me } = useQuery(meQuery);
  const kinds = me?.can.importKinds ?? [];
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>(kinds[kinds.length - 1] ?? '');
  const importRun = useImportRun<Summary>(
    (file, dryRun, onProgress) => upload<Summary>(`/api/v1/imports/${kind}?dryRun=${dryRun}`, file, 'text/csv; charset=utf-8', onProgress),
    () => queryClient.invalidateQueries(),
  );
  const { state } = importRun;

  if (kinds.length === 0) return (<div><PageHeader title={t.importPage.title} /><EmptyState>{t.app.notFoundText}</EmptyState></div>);
  return (
    <div className="stack">
      <PageHeader title={t.importPage.title} intro={t.importPage.intro} />
      <ImportFileForm run={importRun} label={t.importPage.title} fieldId="import-file" fileHelp={t.importPage.fileHelp}>
        <RadioGroupField label={t.importPage.kind} name="kind" value={kind} onChange={(v) => { setKind(v); importRun.reset(); }}
          options={kinds.map((k) => ({ value: k, label: t.importPage.kinds[k], help: t.importPage.kindHelp[k] }))} />
      </ImportFileForm>
      {(state.step === 'checked' || state.step === 'done') && <ImportSummary summary={state.summary} />}
    </div>
  );
}
