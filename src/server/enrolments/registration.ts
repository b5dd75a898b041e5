// Who a registration is about: the person matched among those the caller may attach to, or a new
// one, and what it does to the person's consent. The API registers one person this way; the CSV
// import plans many with the same PersonMatcher, person policy and consent rules
// (import/enrolment-plan.ts), so the rules exist once.
import type { z } from 'zod';
import type { consentInput } from '../../core/schemas/enrolment.js';
import { actingOrganisation, type DataScope } from '../access/data-scope.js';
import type { AuditEntry } from '../audit/audit.js';
import { planConsent, startsBeforeWithdrawal } from '../consents/consent-rules.js';
import { consentFacts, insertConsent, insertParties } from '../consents/consent.repository.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest } from '../errors.js';
import { deniedMatch, findPersonCandidates, OutOfScope, writeMatchedPersons } from '../persons/person-match.repository.js';
import { type MatchedPerson, PersonMatcher, type PersonFields } from '../persons/person-matcher.js';

type ConsentInput = z.output<typeof consentInput>;

const fieldPath: Record<string, string> = {
  personnummer: 'person.personnummer',
  participant_ref: 'person.participantRef',
  first_name: 'person.firstName',
  last_name: 'person.lastName',
};

export type Registration =
  | { ok: true; personId: string; audit: AuditEntry[]; consentAudit: (enrolmentId: string) => AuditEntry[] }
  | { ok: false; error: AppError; audit: AuditEntry[] };

/**
 * A check of the matched person before anything is written (e.g. an open enrolment in the same
 * intervention): an error to answer, and audit entries to record either way.
 */
export type PersonCheck = (person: { id: string; isNew: boolean }) => Promise<PersonCheckResult>;

/** `unattachable`: the person holds a record out of the caller's scope that the new one would collide with. */
export type PersonCheckResult = { error?: AppError; unattachable?: boolean; audit: AuditEntry[] };

/**
 * Matches or creates the person and applies the consent. A failure the caller may learn of is
 * returned with its audit entries (so they are committed before the answer), never thrown.
 */
export async function registerPerson(
  db: Db,
  scope: DataScope,
  controllerId: string,
  fields: PersonFields,
  startDate: string,
  consent: ConsentInput,
  check?: PersonCheck,
): Promise<Registration> {
  const candidates = await findPersonCandidates(db, scope, {
    controllers: [controllerId],
    refs: fields.participantRef ? [fields.participantRef] : [],
    personnummer: fields.personnummer ? [fields.personnummer] : [],
  });
  const excluded = new Set<string>();
  let matcher: PersonMatcher;
  let person: MatchedPerson;
  const audited: AuditEntry[] = [];
  let checked: PersonCheckResult;
  // A person holding a record out of scope that this one would collide with is, to the caller,
  // not there: matching goes on without them (ending in a new person, exactly as for a stranger).
  do {
    matcher = new PersonMatcher(candidates.filter((c) => c.matchable && !excluded.has(c.id)));
    person = matchOrRefuse(matcher, controllerId, fields);
    checked = check ? await check({ id: person.id, isNew: person.isNew }) : { audit: [] };
    audited.push(...checked.audit);
    excluded.add(person.id);
  } while (checked.unattachable && !person.isNew);
  checked = { ...checked, audit: audited };
  // Out of scope is not there: a new person is registered and the near-miss audited (finding 1).
  const denied = person.isNew ? new OutOfScope(candidates).hits(controllerId, fields.participantRef, fields.personnummer).map(deniedMatch) : [];
  const facts = await consentFacts(db, person.isNew ? [] : [person.id]);
  if (startsBeforeWithdrawal(facts.withdrawnOn.get(person.id), startDate)) {
    throw new AppError('conflict', 'Personen har återkallat sitt samtycke efter detta startdatum. Ange ett senare startdatum eller registrera anonymt.');
  }
  if (checked.error) return { ok: false, error: checked.error, audit: [...denied, ...checked.audit] };
  const plan = planConsent(facts.active.get(person.id) ?? null, controllerId, actingOrganisation(scope), consent.partyIds);
  if (plan.kind === 'refused') {
    return {
      ok: false,
      error: new AppError('forbidden', plan.message),
      audit: [...denied, ...checked.audit, { action: 'update', entity: 'consent', personId: person.id, outcome: 'denied', details: { change: 'add_party' } }],
    };
  }
  await writeMatchedPersons(db, matcher.created, matcher.changed);
  let consentId: string;
  if (plan.kind === 'create') {
    consentId = await insertConsent(db, { personId: person.id, controllerId, ...consent, partyIds: plan.partyIds });
  } else {
    consentId = plan.consentId;
    if (plan.kind === 'add_parties') await insertParties(db, plan.consentId, plan.partyIds, consent.categories);
  }
  const audit: AuditEntry[] = [
    ...denied,
    ...checked.audit,
    ...(matcher.changed.length > 0 ? [{ action: 'update' as const, entity: 'person' as const, personId: person.id }] : []),
  ];
  const consentAudit = (enrolmentId: string): AuditEntry[] =>
    plan.kind === 'create'
      ? [{ action: 'create', entity: 'consent', personId: person.id, details: { consentId, parties: plan.partyIds.length, enrolmentId } }]
      : plan.kind === 'add_parties'
        ? [{ action: 'update', entity: 'consent', personId: person.id, details: { consentId, change: 'add_party', organisationIds: plan.partyIds, enrolmentId } }]
        : [];
  return { ok: true, personId: person.id, audit, consentAudit };
}

function matchOrRefuse(matcher: PersonMatcher, controllerId: string, fields: PersonFields) {
  const match = matcher.match(controllerId, fields);
  if (!('person' in match)) {
    throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', [{ path: fieldPath[match.column] ?? 'person', message: match.reason }]);
  }
  return match.person;
}
