// A case worker registering a new participant through the API, and what is stored of those
// registrations afterwards: the scenarios that write under faults check one against the other.
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/connection.js';
import { consentRegistration } from '../../src/test/registration.js';

export type Answer = { status: number; body: { id?: string; code?: string; message?: string } & Record<string, unknown>; text: string };

/** POST /api/v1/enrolments of a new person with reference `ref`; throws when no answer comes. */
export async function register(url: string, headers: Record<string, string>, interventionId: string, ref: string, i: number): Promise<Answer> {
  const response = await fetch(`${url}/api/v1/enrolments`, {
    method: 'POST',
    headers,
    body: JSON.stringify(
      consentRegistration(interventionId, { participantRef: ref, firstName: 'Fel', lastName: 'Tålig' }, { gender: i % 2 ? 'woman' : 'man', incomeBefore: ['social_assistance'] }),
    ),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

export type StoredRegistration = { enrolment_id: string | null; audited: boolean };

/** By reference: each stored person whose reference starts with `prefix`, its enrolment and whether that was audited. */
export async function storedRegistrations(db: Db, prefix: string): Promise<Map<string, StoredRegistration>> {
  const rows = await sql<StoredRegistration & { ref: string }>`
    select p.participant_ref as ref, e.id as enrolment_id,
      exists (select 1 from audit_events a where a.enrolment_id = e.id and a.action = 'create') as audited
    from persons p left join enrolments e on e.person_id = p.id
    where p.participant_ref like ${`${prefix}%`}`.execute(db);
  return new Map(rows.rows.map(({ ref, ...stored }) => [ref, stored]));
}

/** Wholly there (an enrolment with its audit event) or wholly absent. */
export const wholeOrAbsent = (stored: StoredRegistration | undefined) => stored === undefined || (stored.enrolment_id !== null && stored.audited);
