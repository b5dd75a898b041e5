import type { ConsentWithParties } from './consent.repository.js';

/** Row → core's consentView, the same shape the enrolment view carries. */
export function presentConsent(consent: ConsentWithParties) {
  return {
    id: consent.id,
    givenDate: consent.given_date,
    method: consent.method,
    documentRef: consent.document_ref,
    withdrawnAt: consent.withdrawn_at ? new Date(consent.withdrawn_at).toISOString() : null,
    parties: consent.parties.map((p) => ({ id: p.id, code: p.code, name: p.name, categories: p.categories })),
  };
}
