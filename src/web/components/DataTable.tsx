import { useMemo, useState, type ReactNode } from 'react';
import { collator } from '../i18n/format';
import { t } from '../i18n/sv';
import { Pagination } from './Pagination';

export type Column<Row> = {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable. */
  sortValue?: (row: Row) => string | number | null;
  numeric?: boolean;
  /** The row's header cell (th scope=row), usually the name. */
  rowHeader?: boolean;
};

type Sort = { key: string; direction: 'ascending' | 'descending' };

type DataTableProps<Row> = {
  caption: string;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: Sort;
  /** Client-side paging; leave out to show every row. */
  pageSize?: number;
  footer?: ReactNode;
};

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** A table with sortable columns (buttons in the headers, aria-sort) and paging. */
export function DataTable<Row>({ caption, captionHidden, columns, rows, rowKey, initialSort, pageSize, footer }: DataTableProps<Row>) {
  const [sort, setSort] = useState<Sort | undefined>(initialSort);
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!sort || !column?.sortValue) return rows;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => factor * compare(column.sortValue!(a), column.sortValue!(b)));
  }, [rows, sort, columns]);
  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const current = Math.min(page, pages);
  const visible = pageSize ? sorted.slice((current - 1) * pageSize, current * pageSize) : sorted;
  const toggle = (key: string) =>
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <div>
      {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrolling table is a focusable, named region so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="data">
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={c.sortValue ? (active ? sort!.direction : 'none') : undefined}>
                    {c.sortValue ? (
                      <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                        {c.header}
                        <span className="sort-icon" aria-hidden="true">{active ? (sort!.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>{c.cell(row)}</th>
                  ) : (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {footer && <tfoot>{footer}</tfoot>}
        </table>
      </div>
      {pageSize && sorted.length > pageSize && (
        <Pagination page={current} pageSize={pageSize} total={sorted.length} onChange={setPage} label={`${t.table.pagination}: ${caption}`} />
      )}
    </div>
  );
}
