import { sql } from 'kysely';
import { familyKeysOf, familyYearsOf } from '../../core/figures/outcomes-family.js';
import type { Db } from '../db/connection.js';
import { countHistoryByIntervention } from './outcomes.repository.js';
import { decideYears, historyKey, yearKey } from './outcomes.service.js';
import { runInBackground } from '../background.js';
import { clearDirty, compactDirtyMarks, dirtyInterventions, findDecisions, markDirty, pruneDecisions } from './suppression-decisions.repository.js';

// Key of the decider's election: 'stegvis suppression decider'.
const DECIDER_LOCK = '7305648521190475003';

export type DecideResult = { elected: boolean; interventions: number; decided: number; pruned: number };

/**
 * Decides, off the request path, the suppression of every intervention whose counted history
 * changed (marked dirty by the triggers of migration 2026-11-28-1600): each family of calendar
 * periods of its history not kept yet and each year's reports (decideYears), with threshold k
 * and the default rules (work includes subsidised employment), as the förbund's dashboard and the
 * intervention's report ask for them.
 * Then prunes the intervention's kept decisions of older histories and clears the marks it saw.
 * The mark is only a hint: a request that misses a decision decides it itself.
 *
 * One decider per database: each intervention is decided on one connection holding a session
 * advisory lock; a decider that loses the election returns `elected: false`.
 */
export async function decideDirtyFamilies(db: Db, k: number, options: { limit?: number; stopping?: () => boolean } = {}): Promise<DecideResult> {
  const result: DecideResult = { elected: true, interventions: 0, decided: 0, pruned: 0 };
  for (const dirty of await dirtyInterventions(db, options.limit ?? 1000)) {
    if (options.stopping?.()) break;
    const done = await db.connection().execute(async (conn) => {
      const { rows } = await sql<{ elected: boolean }>`select pg_try_advisory_lock(${DECIDER_LOCK}::bigint) as elected`.execute(conn);
      if (!rows[0].elected) return null;
      try {
        return dirty.code === null ? { decided: 0, pruned: 0 } : await decideIntervention(conn, dirty.intervention_id, dirty.code, k);
      } finally {
        await sql`select pg_advisory_unlock(${DECIDER_LOCK}::bigint)`.execute(conn);
      }
    });
    if (done === null) return { ...result, elected: false };
    await clearDirty(db, dirty.intervention_id, dirty.last_mark);
    result.interventions += 1;
    result.decided += done.decided;
    result.pruned += done.pruned;
  }
  return result;
}

/** Marks every intervention dirty, so the next run decides them all. */
export async function markEveryInterventionDirty(db: Db): Promise<void> {
  await markDirty(db);
}

async function decideIntervention(db: Db, interventionId: string, code: string, k: number): Promise<{ decided: number; pruned: number }> {
  const { history, digest } = (await countHistoryByIntervention(db, [interventionId])).get(interventionId)!;
  const scope = { intervention: code };
  const rules = { subsidised_counts_as_work: true };
  const years = familyYearsOf(history);
  const keys = [...familyKeysOf(history, k, historyKey(scope, rules, k, history), years), ...years.map((year) => yearKey(scope, rules, k, digest, year))];
  const kept = await findDecisions(db, keys);
  const decided = keys.some((x) => !kept.has(x)) ? (await decideYears(db, [{ scope, interventionId, history, digest }], years, k, true)).stored : 0;
  const pruned = await pruneDecisions(db, interventionId, keys);
  return { decided, pruned };
}

/**
 * Inside the server, only the cheap upkeep of the marks (every minute): the deciding itself runs
 * in its own process (`stegvis figures decide`), since it would stall the server's requests.
 */
export function startDirtyMarkCompaction(db: Db, log: Parameters<typeof runInBackground>[1], everyMs = 60_000): () => Promise<void> {
  return runInBackground(() => compactDirtyMarks(db), log, 'suppression mark compaction', everyMs);
}
