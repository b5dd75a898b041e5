import type { FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { assignmentCreate } from '../../../core/schemas/user';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { textOrNull, useZodForm } from '../../lib/form';
import { interventionsQuery, organisationsQuery } from '../../lib/queries';
import { meQuery } from '../../lib/session';
import { SelectField } from '../../components/SelectField';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';

// What an assignment of a role is held on is the shared schema's rule (core/schemas/user.ts): it
// is asked here, with a placeholder id, rather than copied.
const placeholderId = '00000000-0000-4000-8000-000000000000';
const heldOn = (role: string): 'intervention' | 'association' | 'organisation' =>
  assignmentCreate.safeParse({ role, interventionId: placeholderId }).success
    ? 'intervention'
    : assignmentCreate.safeParse({ role, associationId: placeholderId }).success
      ? 'association'
      : 'organisation';

/** A new assignment: the role decides what it is held on (intervention or team, förbund, or nothing). */
export function AssignmentForm({ userId, onAdded, onCancel }: { userId: string; onAdded: () => void; onCancel: () => void }) {
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const { data: organisations = [] } = useQuery(organisationsQuery);
  // Only the roles the server says this administrator can grant (rights-policy.ts on the server).
  const { data: me } = useQuery(meQuery);
  const grantable = new Set(me?.can.grantableRoles ?? []);
  const form = useZodForm(assignmentCreate, { role: '', target: '' }, (v) => {
    const [kind, id] = v.target.split(':');
    return {
      role: v.role || undefined,
      interventionId: kind === 'intervention' ? id : null,
      teamId: kind === 'team' ? id : null,
      associationId: kind === 'association' ? textOrNull(id ?? '') : null,
    };
  });
  const role = form.values.role;
  const kind = heldOn(role);
  const targets = kind === 'intervention'
    ? interventions.flatMap((i) => [
        { value: `intervention:${i.id}`, label: i.name, group: t.admin.intervention },
        ...i.teams.map((team) => ({ value: `team:${team.id}`, label: `${i.name} – ${team.name}`, group: t.admin.team })),
      ])
    : kind === 'association'
      ? organisations.filter((o) => o.kind === 'association').map((o) => ({ value: `association:${o.id}`, label: o.name }))
      : [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await post(`/api/v1/users/${userId}/assignments`, input);
      onAdded();
    } catch (error) {
      form.fail(error);
    }
  };
  const targetError = form.errors.interventionId ?? form.errors.associationId ?? form.errors.teamId;
  return (
    <form onSubmit={submit} noValidate className="stack">
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      <SelectField label={t.admin.role} name="role" value={role} onChange={(v) => form.setValues({ role: v, target: '' })} error={form.errors.role && t.common.chooseOne}
        options={Object.entries(t.roles).filter(([value]) => grantable.has(value)).map(([value, label]) => ({ value, label }))} isRequired />
      {targets.length > 0 && <SelectField label={t.admin.target} name="target" value={form.values.target} onChange={form.set('target')} error={targetError} options={targets} isRequired />}
      <div className="actions">
        <Button type="submit">{t.common.add}</Button>
        <Button variant="secondary" onPress={onCancel}>{t.common.cancel}</Button>
      </div>
    </form>
  );
}
