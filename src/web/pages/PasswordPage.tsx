import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { passwordChange } from '../../core/schemas/auth';
import { t } from '../i18n/sv';
import { post } from '../lib/api';
import { flash } from '../lib/flash';
import { useZodForm } from '../lib/form';
import { logout, meQuery } from '../lib/session';
import { TextField } from '../components/Field';
import { Button, ButtonLink } from '../components/Button';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';

/** The server's rules, and the new password typed twice (a typo in a hidden field would lock the user out). */
const passwordForm = passwordChange
  .and(z.object({ repeatPassword: z.string() }))
  .refine((v) => v.repeatPassword === v.newPassword, { path: ['repeatPassword'], message: t.password.mismatch });

/**
 * Changing one's own password, from the user menu; and, at the first login with a temporary
 * password (set by an administrator), the only page there is until it is done.
 */
export function PasswordPage() {
  const { data: me } = useQuery(meQuery);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const form = useZodForm(passwordForm, { currentPassword: '', newPassword: '', repeatPassword: '' }, (v) => v);
  if (!me) return null;
  const forced = me.mustChangePassword;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    setBusy(true);
    try {
      await post('/api/v1/auth/password', { currentPassword: input.currentPassword, newPassword: input.newPassword });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      flash(t.password.changed);
      await navigate({ to: '/' });
    } catch (error) {
      form.fail(error);
      setBusy(false);
    }
  };

  const signOut = async () => {
    await logout();
    queryClient.clear();
    await navigate({ to: '/logga-in', search: { orsak: 'utloggad' } });
  };

  return (
    <main id="main" className="login-page">
      <div className="card login-card">
        <PageHeader title={forced ? t.password.forcedTitle : t.password.title} intro={forced ? t.password.forcedIntro : t.password.intro} />
        {form.formError && <Notice tone="error" title={t.password.failed}>{form.formError}</Notice>}
        <form onSubmit={submit} noValidate className="stack">
          {/* The e-mail address lets a password manager file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
          <TextField label={forced ? t.password.currentForced : t.password.current} name="currentPassword" type="password" autoComplete="current-password" value={form.values.currentPassword} onChange={form.set('currentPassword')} error={form.errors.currentPassword} isRequired />
          <TextField label={t.password.new} name="newPassword" type="password" autoComplete="new-password" help={t.password.newHelp} value={form.values.newPassword} onChange={form.set('newPassword')} error={form.errors.newPassword} isRequired />
          <TextField label={t.password.repeat} name="repeatPassword" type="password" autoComplete="new-password" value={form.values.repeatPassword} onChange={form.set('repeatPassword')} error={form.errors.repeatPassword} isRequired />
          <div className="actions">
            <Button type="submit" isDisabled={busy}>{busy ? t.password.submitting : t.password.submit}</Button>
            {forced ? (
              <Button variant="secondary" onPress={() => void signOut()}>{t.password.logoutInstead}</Button>
            ) : (
              <ButtonLink variant="secondary" to="/">{t.password.cancel}</ButtonLink>
            )}
          </div>
        </form>
      </div>
    </main>
  );
}
