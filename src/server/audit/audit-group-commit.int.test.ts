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

  it('keep each row with its own request when many requests share a statement', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `owner-${i}`);
    const who = (id: string): AuditActor => ({ ...actor(id), purpose: `purpose of ${id}`, role: id.endsWith('1') ? 'case_worker' : 'system' });
    const marked = (id: string, n: number): AuditEntry[] => reads(n).map((entry) => ({ ...entry, details: { caller: id } }));
    await Promise.all(ids.map((id, i) => writeAudit(t.db, who(id), marked(id, 1 + (i % 4)))));
    const { rows } = await sql<{ request_id: string; purpose: string; actor_role: string; caller: string }>`
      select request_id, purpose, actor_role, details->>'caller' as caller
      from audit_events where request_id = any(${ids}::text[])`.execute(t.db);
    expect(rows.length).toBe(ids.reduce((sum, _, i) => sum + 1 + (i % 4), 0));
    for (const row of rows) {
      expect(row.caller).toBe(row.request_id);
      expect(row.purpose).toBe(who(row.caller).purpose);
      expect(row.actor_role).toBe(who(row.caller).role);
    }
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
