// The persons a registration could be attached to, read through the person policy: every person
// of the controllers with one of the given references or personnummer, each marked matchable or
// not (access/person-policy.ts). Used by the API and the CSV import alike.
import type { DataScope } from '../access/data-scope.js';
import { personMatchableBy } from '../access/person-policy.js';
import type { AuditEntry } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import { column, insertRows, updateRows, type Column } from '../import/bulk.repository.js';
import type { WriteQueue } from '../import/write-queue.js';
import type { MatchedPerson, PersonRecord } from './person-matcher.js';

export type { PersonRecord } from './person-matcher.js';


export type PersonCandidate = PersonRecord & { matchable: boolean };

export type CandidateKeys = { controllers: readonly string[]; refs: readonly string[]; personnummer: readonly string[] };

const anyOf = <T>(values: readonly T[]) => [...new Set(values)];

/** Oldest first, so that where two records share a number, the first registered is the one matched. */
export async function findPersonCandidates(db: Db, scope: DataScope, keys: CandidateKeys): Promise<PersonCandidate[]> {
  const controllers = anyOf(keys.controllers);
  const refs = anyOf(keys.refs);
  const pnrs = anyOf(keys.personnummer);
  if (controllers.length === 0 || refs.length + pnrs.length === 0) return [];
  const rows = await db
    .selectFrom('persons as p')
    .select([
      'p.id', 'p.controller_org_id', 'p.participant_ref', 'p.personnummer', 'p.first_name', 'p.last_name',
      'p.gender', 'p.birth_year', 'p.identity_removed_at',
    ])
    .select(personMatchableBy(scope, 'p').as('matchable'))
    .where((eb) =>
      eb.and([
        eb('p.controller_org_id', '=', eb.fn.any(eb.val(controllers))),
        eb.or([eb('p.participant_ref', '=', eb.fn.any(eb.val(refs))), eb('p.personnummer', '=', eb.fn.any(eb.val(pnrs)))]),
      ]),
    )
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ ...row, matchable: row.matchable === true }));
}

/**
 * The candidates a registration may not be attached to, by what would have matched them: a
 * registration hitting one creates a new person and audits the near-miss as denied.
 */
export class OutOfScope {
  private readonly byKey = new Map<string, string[]>();

  constructor(candidates: readonly PersonCandidate[]) {
    for (const person of candidates.filter((c) => !c.matchable)) {
      if (person.participant_ref) this.add(`${person.controller_org_id}|r|${person.participant_ref}`, person.id);
      if (person.personnummer) this.add(`${person.controller_org_id}|p|${person.personnummer}`, person.id);
    }
  }

  hits(controllerId: string, ref: string | null, personnummer: string | null): string[] {
    return [
      ...new Set([
        ...(ref ? (this.byKey.get(`${controllerId}|r|${ref}`) ?? []) : []),
        ...(personnummer ? (this.byKey.get(`${controllerId}|p|${personnummer}`) ?? []) : []),
      ]),
    ];
  }

  private add(key: string, personId: string) {
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), personId]);
  }
}

/** The audit event of a registration that would have matched a person out of scope. */
export const deniedMatch = (personId: string): AuditEntry => ({
  action: 'search',
  entity: 'person',
  personId,
  outcome: 'denied',
  details: { cause: 'registration_matched_person_out_of_scope' },
});

const PERSON_FIELDS: readonly Column<MatchedPerson>[] = [
  column('participant_ref', 'text'),
  column('personnummer', 'text'),
  column('first_name', 'text'),
  column('last_name', 'text'),
  column('gender', 'text'),
  column('birth_year', 'int'),
];
const PERSON_COLUMNS = [column<MatchedPerson>('id', 'uuid'), column<MatchedPerson>('controller_org_id', 'uuid'), ...PERSON_FIELDS];

/** Writes what a PersonMatcher decided: the persons it created and the existing ones it changed. */
export async function writeMatchedPersons(db: Db | WriteQueue, created: readonly MatchedPerson[], changed: readonly MatchedPerson[]): Promise<void> {
  await insertRows(db, 'persons', PERSON_COLUMNS, created);
  await updateRows(db, 'persons', PERSON_FIELDS, changed);
}
