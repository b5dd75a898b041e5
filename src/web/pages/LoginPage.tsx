import { useState, type FormEvent } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { loginRequest } from '../../core/schemas/auth';
import { t } from '../i18n/sv';
import { useZodForm } from '../lib/form';
import { login } from '../lib/session';
import { TextField } from '../components/Field';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';

export function LoginPage() {
  const search = useSearch({ strict: false }) as { orsak?: string; tillbaka?: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const form = useZodForm(loginRequest, { email: '', password: '' }, (v) => v);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    setBusy(true);
    try {
      await login(input.email, input.password);
      queryClient.clear();
      await navigate({ to: search.tillbaka ?? '/' });
    } catch (error) {
      form.fail(error);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login-page">
      <div className="card login-card">
        <PageHeader title={t.login.title} intro={t.login.intro} />
        {search.orsak === 'utgangen' && <Notice tone="warning">{t.login.expired}</Notice>}
        {search.orsak === 'utloggad' && <Notice tone="success">{t.login.loggedOut}</Notice>}
        {form.formError && <Notice tone="error" title={t.login.failed}>{form.formError}</Notice>}
        <form onSubmit={submit} noValidate className="stack">
          <TextField label={t.login.email} name="email" type="email" autoComplete="username" value={form.values.email} onChange={form.set('email')} error={form.errors.email} isRequired />
          <TextField label={t.login.password} name="password" type="password" autoComplete="current-password" value={form.values.password} onChange={form.set('password')} error={form.errors.password} isRequired />
          <Button type="submit" isDisabled={busy}>{busy ? t.login.submitting : t.login.submit}</Button>
        </form>
      </div>
    </main>
  );
}
