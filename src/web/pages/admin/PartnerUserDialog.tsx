import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { userLookup, type userView } from '../../../core/schemas/user';
import { t } from '../../i18n/sv';
import { ApiError, post } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { organisationsQuery } from '../../lib/queries';
import { ModalDialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { AssignmentForm } from './AssignmentForm';

type User = z.infer<typeof userView>;

// This dialog's texts. They belong in i18n/sv.ts (admin); kept here until that file's next change.
const texts = {
  trigger: 'Lägg till från annan part',
  title: 'Uppdrag för en användare hos en annan part',
  intro:
    'För gemensamma team i en insats som din organisation äger. Ange den exakta e-postadressen till en användare hos en part i samma samordningsförbund. Kontot sköts av användarens egen organisation.',
  find: 'Hämta användaren',
  notFound: 'Ingen användare med den e-postadressen hos parterna i era samordningsförbund. Kontrollera adressen.',
  found: (name: string, email: string, organisation: string) => `${name} (${email}), ${organisation}`,
  again: 'Sök en annan användare',
};

/**
 * The owner's administrator gives a user of another party of the förbund an assignment in one of
 * the own organisation's interventions (Finsam joint teams). The user is found by exact e-mail
 * address only; the server decides who may be found and what may be granted.
 */
export function PartnerUserDialog({ onAdded }: { onAdded: () => void }) {
  return (
    <ModalDialog trigger={texts.trigger} title={texts.title}>
      {(close) => <PartnerUserForm onAdded={() => { close(); onAdded(); }} onCancel={close} />}
    </ModalDialog>
  );
}

function PartnerUserForm({ onAdded, onCancel }: { onAdded: () => void; onCancel: () => void }) {
  const { data: organisations = [] } = useQuery(organisationsQuery);
  const [user, setUser] = useState<User | null>(null);
  const form = useZodForm(userLookup, { email: '' }, (v) => v);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      setUser(await post<User>('/api/v1/users/lookup', input));
    } catch (error) {
      form.fail(error instanceof ApiError && error.status === 404 ? new ApiError(404, error.code, texts.notFound) : error);
    }
  };
  if (user) {
    const organisation = organisations.find((o) => o.id === user.organisationId)?.name ?? '–';
    return (
      <div className="stack">
        <p>{texts.found(user.displayName, user.email, organisation)}</p>
        <AssignmentForm userId={user.id} onAdded={onAdded} onCancel={onCancel} />
        <Button variant="quiet" onPress={() => { setUser(null); form.reset(); }}>{texts.again}</Button>
      </div>
    );
  }
  return (
    <form onSubmit={find} noValidate className="stack">
      <p>{texts.intro}</p>
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      <TextField label={t.admin.email} name="email" type="email" autoComplete="off" value={form.values.email} onChange={form.set('email')} error={form.errors.email} isRequired />
      <div className="actions">
        <Button type="submit">{texts.find}</Button>
        <Button variant="secondary" onPress={onCancel}>{t.common.cancel}</Button>
      </div>
    </form>
  );
}
