import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.js';

/**
 * Which audit events a log reviewer sees (domain.md, data-protection model 3: "audit of the own
 * organisation's records"). An event is in scope when
 *  - the person or enrolment it concerns is controlled by the reviewer's organisation: the
 *    controller answers for every access to its records, by its own staff or by another party
 *    through a consent (GDPR art. 5(2), 24 and 32; OSL 12:2), or
 *  - it was made by a user of the reviewer's organisation: the organisation answers for what its
 *    staff do, also in records another party controls (but sees only ids there, never names).
 *  - it read case records (plan, meetings, activities) written by the reviewer's organisation in
 *    another organisation's enrolment (details recordControllers): each authority answers for its
 *    own documentation (issue 10), but sees only ids there, never names.
 * Events of another organisation's users on another organisation's records never appear.
 * controller_org_id is copied into the event when it is written (migration 0300), so the scope
 * holds after retention has removed the record itself.
 */
function inScope(orgId: string): RawBuilder<boolean> {
  return sql<boolean>`(ae.controller_org_id = ${orgId} or ae.actor_org_id = ${orgId}
    or (${rightsEvent} and ae.details->>'userOrgId' = ${orgId})
    or (ae.details->'recordControllers' @> jsonb_build_array(${orgId}::text)))`;
}

/**
 * A change of a user's account or rights (users/rights-audit.ts). It concerns no person, so it is
 * in scope for the organisation of the user who made it and of the user it was made to (details
 * userOrgId), and a review of one of the own users' accesses shows the changes made to them too.
 */
const rightsEvent = sql<boolean>`ae.entity in ('user', 'assignment')`;

export type Period = { from?: string; to?: string };

/** An inclusive date period [from, to] in UTC days, as every period in Stegvis. */
function inPeriod(period: Period): RawBuilder<boolean> {
  const from = period.from ? sql`ae.at >= ${`${period.from}T00:00:00Z`}::timestamptz` : sql`true`;
  const to = period.to ? sql`ae.at < ${`${period.to}T00:00:00Z`}::timestamptz + interval '1 day'` : sql`true`;
  return sql<boolean>`(${from} and ${to})`;
}

export type ReviewFilter =
  | { kind: 'person'; personId: string; enrolmentIds: string[] }
  | { kind: 'user'; userId: string }
  | { kind: 'ids'; ids: number[] };

function matches(filter: ReviewFilter, orgId: string): RawBuilder<boolean> {
  if (filter.kind === 'user') {
    // Changes made to the user count when the user is one of the reviewer's organisation's own.
    return sql<boolean>`(ae.actor_user_id = ${filter.userId}
      or (${rightsEvent} and ae.details->>'userId' = ${filter.userId} and ae.details->>'userOrgId' = ${orgId}))`;
  }
  if (filter.kind === 'ids') return sql<boolean>`ae.id = any(${filter.ids}::bigint[])`;
  // A denied read by id records only the enrolment. It is matched to the person only where the
  // reviewer's organisation controls it: the denied user's organisation must not learn whose
  // enrolment it was.
  return sql<boolean>`(ae.person_id = ${filter.personId}
    or (ae.person_id is null and ae.controller_org_id = ${orgId}
        and ae.enrolment_id = any(${filter.enrolmentIds}::uuid[])))`;
}

/** The enrolments of a person, to find events that record only the enrolment. */
export async function enrolmentIdsOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('enrolments').select('id').where('person_id', '=', personId).execute();
  return rows.map((r) => r.id);
}

export type ReviewRow = {
  id: number;
  at: Date;
  actor_user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  actor_org_id: string | null;
  org_code: string | null;
  org_name: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  person_id: string | null;
  first_name: string | null;
  last_name: string | null;
  participant_ref: string | null;
  enrolment_id: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied';
  protected: boolean;
  request_id: string | null;
};

/**
 * The events matching `filter` in scope and period, oldest first. Identity (name, participant
 * ref) comes only from persons the reviewer's organisation controls whose identity is not
 * removed (data-protection model 8); an enrolment-only event is shown with its person likewise.
 */
export async function reviewRows(
  db: Db,
  orgId: string,
  filter: ReviewFilter,
  period: Period,
  window: { limit: number; offset: number },
): Promise<ReviewRow[]> {
  const { rows } = await sql<ReviewRow>`
    select ae.id, ae.at, ae.actor_user_id, u.display_name as user_name, u.email as user_email,
      ae.actor_org_id, o.code as org_code, o.name as org_name, ae.actor_role, ae.action, ae.entity,
      coalesce(ae.person_id, en.person_id) as person_id, p.first_name, p.last_name, p.participant_ref,
      ae.enrolment_id, ae.purpose, ae.outcome, ae.protected, ae.request_id
    from audit_events ae
    left join enrolments en
      on ae.person_id is null and ae.controller_org_id = ${orgId} and en.id = ae.enrolment_id
    left join persons p on p.id = coalesce(ae.person_id, en.person_id)
      and p.controller_org_id = ${orgId} and p.identity_removed_at is null
    left join users u on u.id = ae.actor_user_id
    left join organisations o on o.id = ae.actor_org_id
    where ${matches(filter, orgId)} and ${inScope(orgId)} and ${inPeriod(period)}
    order by ae.at, ae.id
    limit ${window.limit} offset ${window.offset}`.execute(db);
  return rows;
}

export async function countReviewRows(db: Db, orgId: string, filter: ReviewFilter, period: Period): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from audit_events ae
    where ${matches(filter, orgId)} and ${inScope(orgId)} and ${inPeriod(period)}`.execute(db);
  return rows[0].n;
}

/** Accesses to person-level data: events that concern a person or an enrolment. */
const concernsPerson = sql<boolean>`(ae.person_id is not null or ae.enrolment_id is not null)`;

/**
 * A reproducible random sample of k accesses in the period (the recurring sample check): every
 * event in scope is ranked by md5(seed:id) and the k first are taken, so the same seed over the
 * same (append-only) log draws the same events, on PostgreSQL and PGlite alike.
 */
export async function sampleIds(db: Db, orgId: string, period: Required<Period>, k: number, seed: string) {
  const { rows } = await sql<{ id: number }>`
    select ae.id from audit_events ae
    where ${concernsPerson} and ${inScope(orgId)} and ${inPeriod(period)}
    order by md5(${seed} || ':' || ae.id::text), ae.id
    limit ${k}`.execute(db);
  const population = await sql<{ n: number }>`
    select count(*)::int as n from audit_events ae
    where ${concernsPerson} and ${inScope(orgId)} and ${inPeriod(period)}`.execute(db);
  return { ids: rows.map((r) => Number(r.id)), population: population.rows[0].n };
}
