import { t } from '../../i18n/sv';
import type { RowError } from '../../lib/api';
import { DataTable } from '../../components/DataTable';
import { Notice } from '../../components/Notice';

/** Every error of a rejected file, by row, column and reason. */
export function ImportErrors({ errors, message }: { errors: RowError[]; message: string }) {
  return (
    <section aria-labelledby="import-errors" className="stack">
      <Notice tone="error" title={t.importPage.errorsTitle(errors.length)}>
        <p>{message}</p>
        <p>{t.importPage.errorsIntro}</p>
      </Notice>
      <h2 id="import-errors">{t.importPage.errorsTitle(errors.length)}</h2>
      <DataTable caption={t.importPage.errorsTitle(errors.length)} captionHidden rows={errors} pageSize={50}
        rowKey={(e) => `${e.row}:${e.column}:${e.reason}`}
        columns={[
          { key: 'row', header: t.importPage.row, numeric: true, cell: (e) => e.row, sortValue: (e) => e.row },
          { key: 'column', header: t.importPage.column, cell: (e) => e.column || t.importPage.wholeRow, sortValue: (e) => e.column },
          { key: 'reason', header: t.importPage.reason, cell: (e) => e.reason },
        ]} />
    </section>
  );
}
