import { parsePersonnummer } from '../../core/personnummer.js';
import type { RequestContext } from '../context.js';
import { writeAudit } from './audit.js';
import { findReviewablePersons, reviewableUsers, type PersonQuery } from './log-review-search.repository.js';

/** The most persons one search shows; more means the reviewer narrows it. */
export const PERSON_HITS = 20;

/**
 * A log reviewer looks up a person of its own organisation by personnummer or name, to review
 * every access to them. A personnummer (10 or 12 digits, any separator) is matched exactly;
 * anything else is part of a name or participant reference. Audited like every search of person
 * data: one event with the number of hits even when none is found, and one per person shown,
 * never with what was searched for.
 */
export async function searchReviewablePersons(ctx: RequestContext, q: string) {
  const parsed = parsePersonnummer(q);
  const query: PersonQuery = parsed ? { personnummer: parsed.normalized } : { name: q };
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await findReviewablePersons(trx, ctx.scope, query, PERSON_HITS + 1);
    const shown = rows.slice(0, PERSON_HITS);
    await writeAudit(trx, ctx.audit, [
      { action: 'search', entity: 'person', details: { query: 'log-review', hits: shown.length } },
      ...shown.map((row) => ({ action: 'search' as const, entity: 'person' as const, personId: row.id })),
    ]);
    return {
      items: shown.map((row) => ({
        id: row.id,
        personnummer: row.personnummer,
        name: [row.first_name, row.last_name].filter(Boolean).join(' ') || null,
        participantRef: row.participant_ref,
      })),
      more: rows.length > PERSON_HITS,
    };
  });
}

/** The users the reviewer may pick (staff data, not participant data: not audited). */
export async function listReviewableUsers(ctx: RequestContext) {
  const rows = await reviewableUsers(ctx.db, ctx.scope);
  return { items: rows.map((u) => ({ id: u.id, name: u.display_name, email: u.email, organisation: { code: u.org_code, name: u.org_name } })) };
}
