import { t } from '../../i18n/sv';
import { DataTable, type Column } from '../../components/DataTable';
import type { AccessRow } from './types';

const time = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' });
const L = t.logReview;
/** The recorded role's name; the system's own work is recorded with the role 'system'. */
const roleNames: Record<string, string> = { ...t.roles, system: L.system };

function whom(row: AccessRow): string {
  const what = L.entities[row.entity] ?? row.entity;
  const person = row.person ? (row.person.name ?? (row.protected ? L.protectedPerson : L.person)) : null;
  return person ? `${person} (${what})` : what;
}

const columns: Column<AccessRow>[] = [
  { key: 'at', header: L.columns.at, cell: (r) => <time dateTime={r.at}>{time.format(new Date(r.at))}</time>, rowHeader: true },
  { key: 'user', header: L.columns.user, cell: (r) => (r.user ? <>{r.user.name}<br /><span className="muted">{r.user.email}</span></> : L.system) },
  { key: 'organisation', header: L.columns.organisation, cell: (r) => (r.organisation ? `${r.organisation.name} (${r.organisation.code})` : t.common.none) },
  { key: 'role', header: L.columns.role, cell: (r) => (r.role ? (roleNames[r.role] ?? r.role) : t.common.none) },
  { key: 'action', header: L.columns.action, cell: (r) => L.actions[r.action] ?? r.action },
  { key: 'whom', header: L.columns.whom, cell: whom },
  { key: 'purpose', header: L.columns.purpose, cell: (r) => r.purpose ?? t.common.none },
  { key: 'outcome', header: L.columns.outcome, cell: (r) => (r.outcome === 'denied' ? <strong>{L.outcomes.denied}</strong> : L.outcomes.allowed) },
];

/** Who, organisation, role, what, whom, when, why and outcome of each access, oldest first. */
export function AccessTable({ caption, rows }: { caption: string; rows: AccessRow[] }) {
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(r) => String(r.id)} />;
}
