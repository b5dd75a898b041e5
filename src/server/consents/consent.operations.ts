import type { z } from 'zod';
import type { consentInput } from '../../core/schemas/enrolment.js';
import { writeAudit, type AuditActor } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import type { CaseCategoryCode } from '../db/types.js';
import { AppError, badRequest } from '../errors.js';
import {
  exitOpenEnrolments,
  latestOpenStart,
  removedFields,
  removeIdentity,
  type EnrolmentRef,
} from '../persons/identity.repository.js';
import { swedishToday } from '../persons/today.js';
import {
  activeConsentOf,
  consentWithParties,
  deleteParty,
  findOrganisation,
  findOrganisations,
  insertConsent,
  insertParties,
  isParty,
  setPartyCategories,
  withdrawActiveConsents,
} from './consent.repository.js';

// The consent lifecycle (OSL 12:2) on an enrolment already found and allowed: the API checks
// access first (consent.service.ts), the CLI acts as the system. Each runs inside the caller's
// transaction and audits in it (data-protection model 6), after its writes, so the audit chain's
// lock is held as briefly as possible.

type ConsentInput = z.output<typeof consentInput>;

const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';
const conflict = (message: string) => new AppError('conflict', message);
const noActiveConsent = () => conflict('Personen har inget gällande samtycke. Registrera ett samtycke först.');
// A förbund sees aggregates only (data-protection model 3): naming it would open nothing.
const associationMessage = 'Ett samordningsförbund ser bara sammanställda uppgifter och kan inte omfattas av ett samtycke';

function notInFuture(date: string, today: string, path: string) {
  if (date > today) throw badRequest(invalid, [{ path, message: 'Datumet kan inte vara senare än i dag' }]);
}

export async function recordConsentOn(db: Db, target: EnrolmentRef, input: ConsentInput, audit: AuditActor, today = swedishToday()) {
  if (target.identity_removed_at) {
    throw conflict('Personens identitet är borttagen, så ett samtycke kan inte registreras. Skriv in personen på nytt om hen vill delta med samtycke.');
  }
  if (await activeConsentOf(db, target.person_id)) {
    throw conflict('Personen har redan ett gällande samtycke. Lägg till eller ta bort parter i det, eller återkalla det.');
  }
  notInFuture(input.givenDate, today, 'givenDate');
  const partyIds = [...new Set(input.partyIds)];
  const found = new Map((await findOrganisations(db, partyIds)).map((o) => [o.id, o.kind]));
  if (partyIds.some((id) => !found.has(id))) {
    throw badRequest(invalid, [{ path: 'partyIds', message: 'Samtycket nämner en okänd organisation' }]);
  }
  if (partyIds.some((id) => found.get(id) === 'association')) throw badRequest(invalid, [{ path: 'partyIds', message: associationMessage }]);
  if (Object.keys(input.categories).some((id) => id !== target.controller_org_id && !partyIds.includes(id))) {
    throw badRequest(invalid, [{ path: 'categories', message: 'Kategorier kan bara väljas för parter som samtycket nämner' }]);
  }
  const consentId = await insertConsent(db, {
    personId: target.person_id,
    controllerId: target.controller_org_id,
    givenDate: input.givenDate,
    method: input.method,
    documentRef: input.documentRef,
    partyIds: [...new Set([target.controller_org_id, ...partyIds])],
    categories: input.categories,
  });
  await writeAudit(db, audit, [
    { action: 'create', entity: 'consent', personId: target.person_id, enrolmentId: target.id, details: { consentId, parties: partyIds.length + 1 } },
  ]);
  return consentWithParties(db, consentId);
}

export async function addConsentPartyOn(db: Db, target: EnrolmentRef, organisationId: string, audit: AuditActor, categories?: readonly CaseCategoryCode[]) {
  const consent = await activeConsentOf(db, target.person_id);
  if (!consent) throw noActiveConsent();
  const organisation = await findOrganisation(db, { id: organisationId });
  if (!organisation) throw badRequest(invalid, [{ path: 'organisationId', message: 'Okänd organisation' }]);
  if (organisation.kind === 'association') throw badRequest(invalid, [{ path: 'organisationId', message: associationMessage }]);
  if (await isParty(db, consent.id, organisationId)) throw conflict('Organisationen omfattas redan av samtycket.');
  await insertParties(db, consent.id, [organisationId], categories && { [organisationId]: categories });
  await writeAudit(db, audit, [
    { action: 'update', entity: 'consent', personId: target.person_id, enrolmentId: target.id, details: { consentId: consent.id, change: 'add_party', organisationId, categories } },
  ]);
  return consentWithParties(db, consent.id);
}

/**
 * Changes which categories of the case (plan, meetings, health) the consent shares with a party.
 * Takes effect on the party's very next request: the case-record rule reads consent_parties each time.
 */
export async function setPartyCategoriesOn(db: Db, target: EnrolmentRef, organisationId: string, categories: readonly CaseCategoryCode[], audit: AuditActor) {
  const consent = await activeConsentOf(db, target.person_id);
  if (!consent) throw noActiveConsent();
  if (!(await isParty(db, consent.id, organisationId))) throw new AppError('not_found', 'Organisationen omfattas inte av samtycket.');
  await setPartyCategories(db, consent.id, organisationId, categories);
  await writeAudit(db, audit, [
    { action: 'update', entity: 'consent', personId: target.person_id, enrolmentId: target.id, details: { consentId: consent.id, change: 'categories', organisationId, categories: [...new Set(categories)] } },
  ]);
  return consentWithParties(db, consent.id);
}

/** Takes effect on the party's very next request: the access rule reads consent_parties each time. */
export async function removeConsentPartyOn(db: Db, target: EnrolmentRef, organisationId: string, audit: AuditActor, today = swedishToday()) {
  const consent = await activeConsentOf(db, target.person_id);
  if (!consent) throw noActiveConsent();
  if (organisationId === consent.controller_org_id) {
    throw conflict('Den personuppgiftsansvariga organisationen kan inte tas bort ur samtycket. Återkalla samtycket i stället.');
  }
  if (!(await isParty(db, consent.id, organisationId))) throw new AppError('not_found', 'Organisationen omfattas inte av samtycket.');
  await deleteParty(db, consent.id, organisationId);
  await writeAudit(db, audit, [
    { action: 'update', entity: 'consent', personId: target.person_id, enrolmentId: target.id, details: { consentId: consent.id, change: 'remove_party', organisationId, removedOn: today } },
  ]);
  return consentWithParties(db, consent.id);
}

/**
 * Data-protection model 5: withdrawal takes effect at once. Every open enrolment of the person in
 * the controller's interventions is exited with `consent_withdrawn` on the withdrawal date, and
 * identity is removed while the anonymous facts stay, so every past figure stays the same.
 */
export async function withdrawConsentOn(db: Db, target: EnrolmentRef, date: string, audit: AuditActor, today = swedishToday()) {
  const consent = await activeConsentOf(db, target.person_id);
  if (!consent) throw conflict('Personen har inget gällande samtycke att återkalla.');
  notInFuture(date, today, 'date');
  if (date < consent.given_date) {
    throw badRequest(invalid, [{ path: 'date', message: 'Återkallelsen kan inte vara före den dag samtycket gavs. Kontrollera datumet' }]);
  }
  const openStart = await latestOpenStart(db, target.person_id, consent.controller_org_id);
  if (openStart && date < openStart) {
    throw badRequest(invalid, [{ path: 'date', message: 'En pågående inskrivning började senare än detta datum. Ange ett senare datum' }]);
  }
  const withdrawn = await withdrawActiveConsents(db, target.person_id, date);
  const exited = await exitOpenEnrolments(db, target.person_id, consent.controller_org_id, date, 'consent_withdrawn');
  const removed = await removeIdentity(db, [target.person_id]);
  const personId = target.person_id;
  await writeAudit(db, audit, [
    ...withdrawn.map((consentId) => ({ action: 'update' as const, entity: 'consent' as const, personId, enrolmentId: target.id, details: { consentId, change: 'withdraw' } })),
    ...exited.map((enrolmentId) => ({ action: 'exit' as const, entity: 'enrolment' as const, personId, enrolmentId, details: { reason: 'consent_withdrawn' } })),
    ...removed.map(() => ({ action: 'delete' as const, entity: 'person' as const, personId, details: { fields: removedFields, cause: 'consent_withdrawn' } })),
  ]);
  return { withdrawnConsents: withdrawn.length, withdrawnDate: date, exitedEnrolments: exited.length };
}
