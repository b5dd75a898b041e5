import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { codeListsQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/SelectField';
import { Notice } from '../../components/Notice';
import { CodeEntryDialog } from './CodeEntryDialog';

/** Code lists (system administrators): add codes, rename them, close them with an end date. */
export function CodeListsPage() {
  const { data: entries = [] } = useQuery(codeListsQuery);
  const queryClient = useQueryClient();
  const lists = [...new Set(entries.map((e) => e.list))];
  const [list, setList] = useState('exit_reason');
  const [message, setMessage] = useState<string>();
  const saved = async () => {
    await queryClient.invalidateQueries({ queryKey: ['code-lists'] });
    setMessage(t.admin.entrySaved);
  };
  const rows = entries.filter((e) => e.list === list);
  const groups = [...new Set(rows.flatMap((e) => (e.group ? [e.group] : [])))];
  return (
    <div className="stack">
      <PageHeader title={t.admin.codeListsTitle} intro={t.admin.codeListsIntro} />
      {message && <Notice tone="success" focus>{message}</Notice>}
      <div className="row">
        <div style={{ minWidth: '16rem' }}>
          <SelectField label={t.admin.list} name="list" value={list} onChange={(v) => { setList(v); setMessage(undefined); }}
            options={lists.map((l) => ({ value: l, label: t.codeListNames[l] ?? l }))} />
        </div>
        <CodeEntryDialog list={list} groups={groups} onSaved={() => void saved()} />
      </div>
      <DataTable caption={t.codeListNames[list] ?? list} rows={rows} rowKey={(e) => e.code} pageSize={30}
        columns={[
          { key: 'code', header: t.admin.code, rowHeader: true, cell: (e) => <code>{e.code}</code>, sortValue: (e) => e.code },
          { key: 'label', header: t.admin.label, cell: (e) => e.label, sortValue: (e) => e.label },
          { key: 'group', header: t.admin.group, cell: (e) => (e.group ? (t.codeGroups[e.group] ?? e.group) : '–'), sortValue: (e) => e.group },
          { key: 'from', header: t.admin.validFrom, cell: (e) => formatDate(e.validFrom), sortValue: (e) => e.validFrom },
          { key: 'to', header: t.admin.validTo, cell: (e) => (e.validTo ? formatDate(e.validTo) : t.admin.open), sortValue: (e) => e.validTo },
          { key: 'edit', header: t.admin.edit, cell: (e) => <CodeEntryDialog list={list} entry={e} onSaved={() => void saved()} /> },
        ]} />
    </div>
  );
}
