import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import { organisationsQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { OrganisationDialog } from './OrganisationDialog';

/** Organisations and förbund (system administrators). */
export function OrganisationsPage() {
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const codes = useCodes();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const saved = async () => {
    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    setMessage(t.admin.orgSaved);
  };
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  return (
    <div className="stack">
      <PageHeader title={t.admin.orgsTitle} intro={t.admin.orgsIntro} actions={<OrganisationDialog onSaved={() => void saved()} />} />
      {message && <Notice tone="success" focus>{message}</Notice>}
      {organisations.length === 0 ? <EmptyState>{t.admin.orgsEmpty}</EmptyState> : (
        <DataTable caption={t.admin.orgsTitle} captionHidden rows={organisations} rowKey={(o) => o.id} pageSize={25} initialSort={{ key: 'name', direction: 'ascending' }}
          columns={[
            { key: 'name', header: t.admin.name, rowHeader: true, cell: (o) => o.name, sortValue: (o) => o.name },
            { key: 'code', header: t.admin.code, cell: (o) => o.code, sortValue: (o) => o.code },
            { key: 'kind', header: t.admin.kind, cell: (o) => codes.label('organisation_kind', o.kind), sortValue: (o) => codes.label('organisation_kind', o.kind) },
            { key: 'orgNumber', header: t.admin.orgNumber, cell: (o) => o.orgNumber ?? '–' },
            { key: 'member', header: t.admin.memberOf, cell: (o) => o.associationIds.map(nameOf).join(', ') || '–' },
            { key: 'edit', header: t.admin.edit, cell: (o) => <OrganisationDialog organisation={o} onSaved={() => void saved()} /> },
          ]} />
      )}
    </div>
  );
}
