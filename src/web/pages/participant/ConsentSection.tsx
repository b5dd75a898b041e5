import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { formatDate, todayIso } from '../../i18n/format';
import { del, post } from '../../lib/api';
import type { Enrolment } from '../../lib/queries';
import { Button } from '../../components/Button';
import { ModalDialog } from '../../components/Dialog';
import { ErrorNotice, Notice } from '../../components/Notice';
import { AddPartyDialog } from './AddPartyDialog';
import { RecordConsentDialog } from './RecordConsentDialog';
import { categoriesText } from '../case/CaseCategoriesField';
import { PartyCategoriesDialog } from '../case/PartyCategoriesDialog';

/** The consent and the parties it covers; the controller's staff add and remove parties or withdraw it. */
export function ConsentSection({ enrolment: e }: { enrolment: Enrolment }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const consent = e.consent;
  // The server says whether this user may change the consent (only the controller's staff may).
  const controllerStaff = e.can.manageConsent;
  const manage = controllerStaff && Boolean(consent && !consent.withdrawnAt);
  const refresh = async (done: string) => {
    await queryClient.invalidateQueries({ queryKey: ['enrolments'] });
    setError(undefined);
    setMessage(done);
  };
  const act = (run: () => Promise<unknown>, done: string) => async () => {
    try {
      await run();
      await refresh(done);
    } catch (err) {
      setMessage(undefined);
      setError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="consent">
      <h2 id="consent">{t.participant.consent}</h2>
      {message && <Notice tone="success" focus>{message}</Notice>}
      <ErrorNotice error={error} />
      {controllerStaff && !e.exitDate && (!consent || consent.withdrawnAt) && (
        <div className="actions" style={{ marginBottom: 'var(--space-3)' }}>
          <RecordConsentDialog enrolment={e} onDone={() => void refresh(t.participant.consentRecorded)} />
        </div>
      )}
      {!consent ? <p>{t.participant.noConsent}</p> : (
        <>
          {consent.withdrawnAt && <Notice tone="warning">{t.participant.consentWithdrawn(formatDate(consent.withdrawnAt))}</Notice>}
          <dl className="facts">
            <dt>{t.participant.consentGiven}</dt><dd>{formatDate(consent.givenDate)}</dd>
            <dt>{t.participant.consentMethod}</dt><dd>{t.participant.consentMethods[consent.method] ?? consent.method}</dd>
            {consent.documentRef && <><dt>{t.participant.consentDocument}</dt><dd>{consent.documentRef}</dd></>}
          </dl>
          <h3 style={{ marginTop: 'var(--space-4)' }}>{t.participant.consentParties}</h3>
          <p className="muted">{t.participant.consentHelp}</p>
          <ul className="party-list">
            {consent.parties.map((p) => (
              <li key={p.id}>
                {p.name}: <span className="muted">{categoriesText(p.categories)}</span>
                {manage && <PartyCategoriesDialog key={p.categories.join()} enrolmentId={e.id} party={p} onDone={(done) => void refresh(done)} />}
                {manage && p.id !== e.controller.id && (
                  // Confirmed first: the party loses access at once. The server records the date.
                  <ModalDialog trigger={t.common.remove} triggerLabel={t.participant.removeParty(p.name)} triggerVariant="quiet"
                    title={t.participant.removePartyTitle(p.name)} role="alertdialog">
                    {(close) => (
                      <div className="stack">
                        <p>{t.participant.removePartyText(p.name, formatDate(todayIso()))}</p>
                        <div className="actions">
                          <Button variant="danger" onPress={() => {
                            close();
                            void act(() => del(`/api/v1/enrolments/${e.id}/consent/parties/${p.id}`), t.participant.partyRemovedOn(p.name, formatDate(todayIso())))();
                          }}>
                            {t.participant.removePartyConfirm}
                          </Button>
                          <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
                        </div>
                      </div>
                    )}
                  </ModalDialog>
                )}
              </li>
            ))}
          </ul>
          {manage && (
            <div className="actions">
              <AddPartyDialog enrolment={e} onAdded={() => void refresh(t.participant.partyAdded)} />
              <ModalDialog trigger={t.participant.withdraw} triggerVariant="danger" title={t.participant.withdrawTitle} role="alertdialog">
                {(close) => (
                  <div className="stack">
                    <p>{t.participant.withdrawText}</p>
                    <div className="actions">
                      <Button variant="danger" onPress={() => { close(); void act(() => post(`/api/v1/enrolments/${e.id}/consent/withdraw`, { date: todayIso() }), t.participant.withdrawn)(); }}>
                        {t.participant.withdrawConfirm}
                      </Button>
                      <Button variant="secondary" onPress={close}>{t.common.cancel}</Button>
                    </div>
                  </div>
                )}
              </ModalDialog>
            </div>
          )}
        </>
      )}
    </section>
  );
}
