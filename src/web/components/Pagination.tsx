import { t } from '../i18n/sv';
import { formatNumber } from '../i18n/format';
import { Button } from './Button';

type PaginationProps = { page: number; pageSize: number; total: number; onChange: (page: number) => void; label?: string };

/** Previous/next paging with the position in words ("Sida 2 av 5", "Visar 51–100 av 230"). */
export function Pagination({ page, pageSize, total, onChange, label = t.table.pagination }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={label}>
      <p className="muted" aria-live="polite">
        {t.table.rows(from, to, total).replace(String(total), formatNumber(total))}
      </p>
      <ul>
        <li>
          <Button variant="secondary" isDisabled={page <= 1} onPress={() => onChange(page - 1)}>
            {t.table.previous}
          </Button>
        </li>
        <li aria-current="page">{t.table.pageOf(page, pages)}</li>
        <li>
          <Button variant="secondary" isDisabled={page >= pages} onPress={() => onChange(page + 1)}>
            {t.table.next}
          </Button>
        </li>
      </ul>
    </nav>
  );
}
