import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userView } from '../../../core/schemas/user';
import { t } from '../../i18n/sv';
import { del } from '../../lib/api';
import { interventionsQuery, organisationsQuery } from '../../lib/queries';
import { ModalDialog } from '../../components/Dialog';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { AssignmentForm } from './AssignmentForm';

// From the core schema, not from UsersPage: that page opens this dialog (no import cycle).
type User = z.infer<typeof userView>;

/** A user's assignments: what each gives, remove one, or add a new one. */
export function AssignmentsDialog({ user, onChanged }: { user: User; onChanged: (message: string) => void }) {
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const [error, setError] = useState<unknown>();
  const teams = interventions.flatMap((i) => i.teams.map((team) => ({ ...team, label: `${i.name} – ${team.name}` })));
  const target = (a: User['assignments'][number]) =>
    (a.interventionId && interventions.find((i) => i.id === a.interventionId)?.name) ||
    (a.teamId && teams.find((team) => team.id === a.teamId)?.label) ||
    (a.associationId && organisations.find((o) => o.id === a.associationId)?.name) ||
    t.admin.wholeOrganisation;
  const remove = async (assignmentId: string) => {
    try {
      await del(`/api/v1/users/${user.id}/assignments/${assignmentId}`);
      onChanged(t.admin.assignmentRemoved);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <ModalDialog trigger={t.admin.assignments} title={t.admin.assignmentsFor(user.displayName)}>
      {(close) => (
        <div className="stack">
          <ErrorNotice error={error} />
          {user.assignments.length === 0 ? <p>{t.admin.noAssignments}</p> : (
            <ul>
              {user.assignments.map((a) => (
                <li key={a.id}>
                  {t.roles[a.role] ?? a.role}: {target(a)}{' '}
                  <Button variant="quiet" aria-label={t.admin.removeAssignment(`${t.roles[a.role] ?? a.role}, ${target(a)}`)} onPress={() => { close(); void remove(a.id); }}>
                    {t.common.remove}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <h3>{t.admin.addAssignment}</h3>
          <AssignmentForm userId={user.id} onAdded={() => { close(); onChanged(t.admin.assignmentAdded); }} onCancel={close} />
        </div>
      )}
    </ModalDialog>
  );
}
