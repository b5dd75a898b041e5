import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import { writeImportAudit } from '../import/audit-bulk.repository.js';
import type { Db } from '../db/connection.js';
import { systemAuditActor, writeAudit, type AuditEntry } from './audit.js';
import { GENESIS_HASH, verifyAuditChain } from './audit-chain.service.js';

const t = worldFixture({ app: false });
const onPostgres = (process.env.STEGVIS_TEST_DB ?? 'pglite') === 'postgres';
const who = systemAuditActor('test');
const reads = (n: number, personId: string | null = null): AuditEntry[] =>
  Array.from({ length: n }, () => ({ action: 'read', entity: 'person', personId }));

const chain = () => t.db.selectFrom('audit_events').select(['id', 'prev_hash', 'hash', 'controller_org_id']).orderBy('id').execute();
const expectIntact = async () => {
  const rows = await chain();
  for (const batchSize of [5, 1000]) expect(await verifyAuditChain(t.db, { batchSize })).toEqual({ ok: true, count: rows.length, lastId: rows.at(-1)?.id ?? null });
};
/** As a superuser with every trigger off for one transaction: what an attacker with the owner's rights could do. */
const tamper = (change: (db: Db) => Promise<unknown>) =>
  t.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await change(trx);
  });

describe('the audit hash chain', () => {
  it('links every row to the one before, for multi-row and bulk writes alike', async () => {
    await writeAudit(t.db, who, reads(7));
    await t.db.transaction().execute((trx) => writeImportAudit(trx, who, reads(1200)));
    const rows = await chain();
    expect(rows).toHaveLength(1207);
    expect(rows[0].prev_hash.equals(GENESIS_HASH)).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].id).toBeGreaterThan(rows[i - 1].id);
      expect(rows[i].prev_hash.equals(rows[i - 1].hash)).toBe(true);
    }
    await expectIntact();
  });

  it('sets controller, prev_hash and hash itself, whatever a writer sends', async () => {
    const person = await t.db
      .insertInto('persons')
      .values({ controller_org_id: t.world.orgs.kommun, gender: 'man', participant_ref: 'C-1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await t.db
      .insertInto('audit_events')
      .values({ action: 'read', entity: 'person', outcome: 'allowed', person_id: person.id, controller_org_id: t.world.orgs.other, prev_hash: Buffer.alloc(32, 1), hash: Buffer.alloc(32, 2) })
      .returning(['controller_org_id', 'prev_hash'])
      .executeTakeFirstOrThrow();
    expect(row.controller_org_id).toBe(t.world.orgs.kommun);
    expect(row.prev_hash.equals(Buffer.alloc(32, 1))).toBe(false);
    await expectIntact();
  });

  it('keeps id order as chain order when transactions interleave', async () => {
    let releaseA!: () => void;
    const holdA = new Promise<void>((resolve) => (releaseA = resolve));
    let markA!: () => void;
    const aWrote = new Promise<void>((resolve) => (markA = resolve));
    const a = t.db.transaction().execute(async (trx) => {
      await writeAudit(trx, who, reads(2));
      markA();
      await holdA;
      await writeAudit(trx, who, reads(2));
    });
    await aWrote;
    // B draws its ids now, then waits for A's lock (on PGlite: for the one connection).
    const b = t.db.transaction().execute((trx) => writeAudit(trx, who, reads(3)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseA();
    await Promise.all([a, b]);
    await expectIntact();
  });

  it('stays one chain under many concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.db.transaction().execute((trx) => writeAudit(trx, who, reads(1 + (i % 4))))));
    await expectIntact();
  });

  it.runIf(onPostgres)('refuses, rather than forks, an append from a snapshot older than the head', async () => {
    let snapshotTaken!: () => void;
    const taken = new Promise<void>((resolve) => (snapshotTaken = resolve));
    let proceed!: () => void;
    const headMoved = new Promise<void>((resolve) => (proceed = resolve));
    const stale = t.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`select count(*) from audit_events`.execute(trx);
        snapshotTaken();
        await headMoved;
        await writeAudit(trx, who, reads(1));
      });
    await taken;
    await writeAudit(t.db, who, reads(1));
    proceed();
    await expect(stale).rejects.toMatchObject({ code: '23505' });
    await expectIntact();
  });
});

describe('verifyAuditChain', () => {
  const rowAt = async (index: number) => (await chain())[index];
  const countBefore = async (id: number) => (await chain()).filter((r) => r.id < id).length;

  it('reports a row changed behind the triggers as the first broken link', async () => {
    const target = await rowAt(100);
    const original = await t.db.selectFrom('audit_events').select('purpose').where('id', '=', target.id).executeTakeFirstOrThrow();
    await tamper((db) => db.updateTable('audit_events').set({ purpose: 'ändrad i efterhand' }).where('id', '=', target.id).execute());
    for (const batchSize of [1, 7, 10_000]) {
      expect(await verifyAuditChain(t.db, { batchSize })).toEqual({ ok: false, brokenId: target.id, reason: 'hash', count: await countBefore(target.id) });
    }
    await tamper((db) => db.updateTable('audit_events').set({ purpose: original.purpose }).where('id', '=', target.id).execute());
    await expectIntact();
  });

  it('reports the next row when the changed row was given a fresh hash too', async () => {
    const [target, next] = [await rowAt(200), await rowAt(201)];
    await tamper(async (db) => {
      await db.updateTable('audit_events').set({ purpose: 'ändrad' }).where('id', '=', target.id).execute();
      await sql`update audit_events e set hash = sha256(prev_hash || audit_event_content(e)) where id = ${target.id}`.execute(db);
    });
    expect(await verifyAuditChain(t.db, { batchSize: 50 })).toMatchObject({ ok: false, brokenId: next.id, reason: 'link' });
  });

  it('reports the row after one that was deleted', async () => {
    const [target, next] = [await rowAt(10), await rowAt(11)];
    await tamper((db) => db.deleteFrom('audit_events').where('id', '=', target.id).execute());
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: next.id, reason: 'link', count: 10 });
  });

  it('reports a first row that does not start from the genesis hash', async () => {
    const first = await rowAt(0);
    await tamper((db) => db.deleteFrom('audit_events').where('id', '<', first.id + 1).execute());
    const second = await rowAt(0);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: second.id, reason: 'link', count: 0 });
  });
});

describe('the append-only table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    const id = (await chain())[0].id;
    for (const statement of [
      sql`update audit_events set purpose = 'x' where id = ${id}`,
      sql`delete from audit_events where id = ${id}`,
      sql`truncate audit_events`,
    ]) {
      await expect(statement.execute(t.db)).rejects.toMatchObject({ code: '42501', message: 'audit_events is append-only' });
    }
  });
});
