import { useState, type FormEvent, type ReactNode } from 'react';
import { t } from '../../i18n/sv';
import { ApiError, type RowError } from '../../lib/api';
import { Button } from '../../components/Button';
import { ProgressBar } from '../../components/ProgressBar';
import { Notice } from '../../components/Notice';
import { ImportErrors } from './ImportErrors';

// The check-then-import flow shared by the CSV imports (enrolments and the rest on Importera, a
// finance system's costs on Mål och budget): a dry run lists every error or what would be
// imported; only a checked file can be imported; progress while it travels.

export type ImportState<S> =
  | { step: 'idle' }
  | { step: 'busy'; dryRun: boolean; progress: number }
  | { step: 'invalid'; errors: RowError[]; message: string }
  | { step: 'failed'; message: string }
  | { step: 'checked' | 'done'; summary: S };

type Send<S> = (file: File, dryRun: boolean, onProgress: (fraction: number) => void) => Promise<S>;

/** The state of one file's check and import; `afterImport` refreshes what the import changed. */
export function useImportRun<S>(send: Send<S>, afterImport: () => Promise<unknown>) {
  const [file, setFileState] = useState<File | null>(null);
  const [state, setState] = useState<ImportState<S>>({ step: 'idle' });
  const run = async (dryRun: boolean) => {
    if (!file) return setState({ step: 'failed', message: t.importPage.chooseFileFirst });
    setState({ step: 'busy', dryRun, progress: 0 });
    try {
      const summary = await send(file, dryRun, (progress) => setState({ step: 'busy', dryRun, progress }));
      if (!dryRun) await afterImport();
      setState({ step: dryRun ? 'checked' : 'done', summary });
    } catch (error) {
      if (error instanceof ApiError && error.rowErrors.length > 0) setState({ step: 'invalid', errors: error.rowErrors, message: error.message });
      else setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const setFile = (next: File | null) => {
    setFileState(next);
    setState({ step: 'idle' });
  };
  const reset = () => setState({ step: 'idle' });
  return { state, run, setFile, reset };
}

type FormProps<S> = {
  run: ReturnType<typeof useImportRun<S>>;
  /** The form's accessible name. */
  label: string;
  /** Unique on the page: the file field's id. */
  fieldId: string;
  fileHelp: string;
  /** Choices above the file field (what the file holds). */
  children?: ReactNode;
};

/** The file field with "Kontrollera filen" and "Importera", then progress, the refusal or nothing. */
export function ImportFileForm<S>({ run, label, fieldId, fileHelp, children }: FormProps<S>) {
  const { state } = run;
  const check = (event: FormEvent) => {
    event.preventDefault();
    void run.run(true);
  };
  return (
    <>
      <form onSubmit={check} noValidate className="card stack" aria-label={label}>
        {children}
        <div className="field">
          <label htmlFor={fieldId}>{t.importPage.file}</label>
          <span id={`${fieldId}-help`} className="help">{fileHelp}</span>
          <input id={fieldId} className="file-input" type="file" accept=".csv,text/csv" aria-describedby={`${fieldId}-help`}
            onChange={(e) => run.setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={state.step === 'busy'}>{state.step === 'busy' && state.dryRun ? t.importPage.validating : t.importPage.validate}</Button>
          <Button variant="secondary" isDisabled={state.step !== 'checked'} onPress={() => void run.run(false)}>
            {state.step === 'busy' && !state.dryRun ? t.importPage.importing : t.importPage.import}
          </Button>
        </div>
      </form>
      {state.step === 'busy' && <ProgressBar label={state.dryRun ? t.importPage.validating : t.importPage.progress} value={state.progress} />}
      {state.step === 'failed' && <Notice tone="error">{state.message}</Notice>}
      {state.step === 'invalid' && <ImportErrors errors={state.errors} message={state.message} />}
    </>
  );
}
