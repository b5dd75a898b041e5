import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userView } from '../../../core/schemas/user';
import { t } from '../../i18n/sv';
import { get, patch } from '../../lib/api';
import { organisationsQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { DataTable } from '../../components/DataTable';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, Notice } from '../../components/Notice';
import { NewUserDialog } from './NewUserDialog';
import { AssignmentsDialog } from './AssignmentsDialog';
import { PartnerUserDialog } from './PartnerUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { meQuery } from '../../lib/session';

export type User = z.infer<typeof userView>;
export const usersQuery = { queryKey: ['users'], queryFn: () => get<{ items: User[] }>('/api/v1/users').then((r) => r.items) };

/**
 * Users of the organisation (all organisations for a system administrator) and their assignments,
 * and users of other parties who work in the organisation's interventions (with those assignments).
 */
export function UsersPage() {
  const users = useQuery(usersQuery);
  const { data: me } = useQuery(meQuery);
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const done = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey: ['users'] });
    setError(undefined);
    setMessage(text);
  };
  const toggle = async (user: User) => {
    try {
      await patch(`/api/v1/users/${user.id}`, { active: !user.active });
      await done(t.common.saved);
    } catch (err) {
      setError(err);
    }
  };
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? '–';

  return (
    <div className="stack">
      <PageHeader title={t.admin.usersTitle} intro={t.admin.usersIntro} actions={(
        <div className="actions">
          <NewUserDialog onCreated={() => void done(t.admin.userCreated)} />
          <PartnerUserDialog onAdded={() => void done(t.admin.assignmentAdded)} />
        </div>
      )} />
      {message && <Notice tone="success" focus>{message}</Notice>}
      <ErrorNotice error={error ?? users.error} />
      {users.data && (users.data.length === 0 ? <EmptyState>{t.admin.usersEmpty}</EmptyState> : (
        <DataTable caption={t.admin.usersTitle} captionHidden rows={users.data} rowKey={(u) => u.id} pageSize={25} initialSort={{ key: 'name', direction: 'ascending' }}
          columns={[
            { key: 'name', header: t.admin.displayName, rowHeader: true, cell: (u) => u.displayName, sortValue: (u) => u.displayName },
            { key: 'email', header: t.admin.email, cell: (u) => u.email, sortValue: (u) => u.email },
            { key: 'org', header: t.admin.organisation, cell: (u) => orgName(u.organisationId), sortValue: (u) => orgName(u.organisationId) },
            { key: 'roles', header: t.admin.assignments, cell: (u) => [...new Set(u.assignments.map((a) => t.roles[a.role] ?? a.role))].join(', ') || t.admin.noAssignments },
            { key: 'status', header: t.admin.status, cell: (u) => (u.active ? t.admin.active : t.admin.inactive), sortValue: (u) => (u.active ? 0 : 1) },
            {
              key: 'actions', header: t.admin.edit,
              cell: (u) => (
                <div className="actions">
                  <AssignmentsDialog user={u} onChanged={(text) => void done(text)} />
                  {/* One's own password is changed with the current one (Byt lösenord), never reset. */}
                  {u.id !== me?.user.id && <ResetPasswordDialog user={u} onReset={() => void done(t.admin.passwordWasReset(u.displayName))} />}
                  <Button variant="quiet" onPress={() => void toggle(u)} aria-label={`${u.active ? t.admin.deactivate : t.admin.activate} ${u.displayName}`}>
                    {u.active ? t.admin.deactivate : t.admin.activate}
                  </Button>
                </div>
              ),
            },
          ]} />
      ))}
    </div>
  );
}
