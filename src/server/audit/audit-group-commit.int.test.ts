import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseFixture } from '../../test/fixture.js';
import { writeAudit, type AuditActor, type AuditEntry } from './audit.js';

const t = databaseFixture();
const actor = (requestId: string): AuditActor => ({ userId: null, organisationId: null, role: 'system', requestId, purpose: 'test' });
const reads = (n: number, outcome: string = 'allowed'): AuditEntry[] =>
  Array.from({ length: n }, () => ({ action: 'read', entity: 'person', outcome: outcome as AuditEntry['outcome'] }));

/** Each request's stored events, and the transactions they were committed in. */
async function stored(requestIds: string[]) {
  const { rows } = await sql<{ request_id: string; n: number; xids: string[] }>`
    select request_id, count(*)::int as n, array_agg(distinct xid::text) as xids
    from audit_events where request_id = any(${requestIds}::text[]) group by request_id`.execute(t.db);
  return new Map(rows.map((row) => [row.request_id, row]));
}

describe('audit rows written outside a transaction (reads and refusals)', () => {
  it('share one commit when requests finish together, and each request returns only once its own rows are stored', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `group-${i}`);
    const seenOnReturn = await Promise.all(
      ids.map((id) => writeAudit(t.db, actor(id), reads(5)).then(async () => (await stored([id])).get(id)?.n ?? 0)),
    );
    expect(seenOnReturn).toEqual(ids.map(() => 5));
    const commits = new Set([...(await stored(ids)).values()].flatMap((row) => row.xids));
    // The first is written at once; the nineteen that arrived meanwhile go together in the next.
    expect(commits.size).toBeLessThanOrEqual(2);
  });

  it("fail only the request whose rows the database refuses, writing none of that request's rows", async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `refused-${i}`);
    const results = await Promise.allSettled(ids.map((id, i) => writeAudit(t.db, actor(id), reads(3, i === 3 ? 'bogus' : 'allowed'))));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const rows = await stored(ids);
    expect(ids.map((id) => rows.get(id)?.n ?? 0)).toEqual([3, 3, 3, 0, 3, 3]);
  });

  it('are part of the transaction when written inside one, and undone with it', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await writeAudit(trx, actor('undone'), reads(2));
        throw new Error('the access failed');
      }),
    ).rejects.toThrow('the access failed');
    expect((await stored(['undone'])).get('undone')).toBeUndefined();
  });
});
