import type { Db } from '../db/connection.js';

/** Which of the interventions hold registrations (enrolments or head counts): their owner is the controller of them. */
export async function interventionsWithRecords(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('enrolments')
    .select('intervention_id')
    .where((eb) => eb('intervention_id', '=', eb.fn.any(eb.val(ids))))
    .union(
      db
        .selectFrom('anonymous_registrations')
        .select('intervention_id')
        .where((eb) => eb('intervention_id', '=', eb.fn.any(eb.val(ids)))),
    )
    .execute();
  return new Set(rows.map((r) => r.intervention_id));
}
