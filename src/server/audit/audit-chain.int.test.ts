import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { worldFixture } from '../../test/fixture.js';
import type { Db } from '../db/connection.js';
import { systemAuditActor, writeAudit, type AuditEntry } from './audit.js';
import { verifyAuditChain } from './audit-chain.service.js';
import { GENESIS_HASH, chainHead, sealAuditEvents, sealStatement } from './audit-sealer.js';

const t = worldFixture({ app: false });
const onPostgres = (process.env.STEGVIS_TEST_DB ?? 'pglite') === 'postgres';
const who = systemAuditActor('test');
const reads = (n: number, personId: string | null = null): AuditEntry[] =>
  Array.from({ length: n }, () => ({ action: 'read', entity: 'person', personId }));

const eventCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(t.db)).rows[0].n);
/** Events in the sealer's order. */
const events = () => sql<{ id: number; xid: string }>`select id, xid::text as xid from audit_events order by xid, id`.execute(t.db).then((r) => r.rows);
const sealsOf = () => t.db.selectFrom('audit_seals').selectAll().orderBy('id').execute();

/**
 * Seals until every event is sealed. On the shared PostgreSQL server the horizon is the oldest
 * transaction of the whole server, so another database's open transaction can hold it back a moment.
 */
async function sealAll(batchSize?: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await sealAuditEvents(t.db, { batchSize });
    const result = await verifyAuditChain(t.db);
    if (result.ok && result.unsealed === 0) return;
    if (!result.ok || Date.now() > deadline) throw new Error(`not sealed: ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const expectIntact = async () => {
  const total = await eventCount();
  for (const batchSize of [101, 1000]) {
    expect(await verifyAuditChain(t.db, { batchSize })).toMatchObject({ ok: true, count: total, unsealed: 0, staleUnsealed: 0 });
  }
};
/** As a superuser with every trigger off for one transaction: what an attacker with the owner's rights could do. */
const tamper = (change: (db: Db) => Promise<unknown>) =>
  t.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await change(trx);
  });

/** A node of EXPLAIN (ANALYZE, FORMAT JSON). */
type PlanNode = { 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] } & Record<string, unknown>;
/** Rows of audit_events a plan read: those it returned and those its filters threw away. */
function auditRowsRead(node: PlanNode): number {
  const removed = (key: string) => Number(node[key] ?? 0);
  const own = node['Relation Name'] === 'audit_events'
    ? node['Actual Rows'] * node['Actual Loops'] + removed('Rows Removed by Filter') + removed('Rows Removed by Index Recheck')
    : 0;
  return own + removed('Rows Removed by Join Filter') + (node.Plans ?? []).reduce((sum, child) => sum + auditRowsRead(child), 0);
}

describe('the audit seals', () => {
  it('give each event its own content hash and chain them in batches, for one-statement and many-statement writes alike', async () => {
    const before = await eventCount();
    await writeAudit(t.db, who, reads(7));
    // Past 10,000 rows a write takes more than one statement.
    await t.db.transaction().execute((trx) => writeAudit(trx, who, reads(12_000)));
    const wrong = await sql<{ n: number }>`select count(*)::int as n from audit_events e where hash <> sha256(audit_event_content(e))`.execute(t.db);
    expect(wrong.rows[0].n).toBe(0);
    await sealAll(5000);
    const seals = await sealsOf();
    expect(seals.reduce((sum, s) => sum + s.row_count, 0)).toBe(before + 12_007);
    expect(seals.every((s) => s.row_count <= 5000)).toBe(true);
    expect(seals[0].prev_hash.equals(GENESIS_HASH)).toBe(true);
    for (let i = 1; i < seals.length; i++) expect(seals[i].prev_hash.equals(seals[i - 1].hash)).toBe(true);
    const last = (await events()).at(-1)!;
    expect([seals.at(-1)!.last_xid, Number(seals.at(-1)!.last_id)]).toEqual([last.xid, Number(last.id)]);
    await expectIntact();
  });

  it('sets controller, transaction and hash itself, whatever a writer sends', async () => {
    const person = await t.db
      .insertInto('persons')
      .values({ controller_org_id: t.world.orgs.kommun, gender: 'man', participant_ref: 'C-1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await t.db
      .insertInto('audit_events')
      .values({ action: 'read', entity: 'person', outcome: 'allowed', person_id: person.id, controller_org_id: t.world.orgs.other, xid: '1', hash: Buffer.alloc(32, 2) })
      .returning(['controller_org_id', 'xid', 'hash'])
      .executeTakeFirstOrThrow();
    expect(row.controller_org_id).toBe(t.world.orgs.kommun);
    expect(row.xid).not.toBe('1');
    expect(row.hash.equals(Buffer.alloc(32, 2))).toBe(false);
    await sealAll();
    await expectIntact();
  });

  it('derives controller and protected flag from the person, else from the enrolment and its person', async () => {
    const newPerson = (ref: string) =>
      t.db.insertInto('persons').values({ controller_org_id: t.world.orgs.kommun, gender: 'woman', participant_ref: ref }).returning('id').executeTakeFirstOrThrow();
    const shown = await newPerson('D-1');
    const hidden = await newPerson('D-2');
    const intervention = await t.db.selectFrom('interventions').select(['id', 'owner_org_id']).where('owner_org_id', '<>', t.world.orgs.kommun).limit(1).executeTakeFirstOrThrow();
    const enrolmentOf = (personId: string) =>
      t.db
        .insertInto('enrolments')
        .values({ person_id: personId, intervention_id: intervention.id, controller_org_id: intervention.owner_org_id, gender: 'woman', start_date: '2024-01-02' })
        .returning('id')
        .executeTakeFirstOrThrow();
    const hiddenEnrolment = await enrolmentOf(hidden.id);
    await t.db.updateTable('persons').set({ protected_identity: true, participant_ref: null }).where('id', '=', hidden.id).execute();
    const write = (values: { person_id?: string; enrolment_id?: string; protected?: boolean }) =>
      t.db
        .insertInto('audit_events')
        .values({ action: 'read', entity: 'enrolment', outcome: 'allowed', hash: Buffer.alloc(32), ...values })
        .returning(['controller_org_id', 'protected'])
        .executeTakeFirstOrThrow();
    // The person decides when there is one: the enrolment's controller and flag are not read then.
    expect(await write({ person_id: shown.id, enrolment_id: hiddenEnrolment.id })).toEqual({ controller_org_id: t.world.orgs.kommun, protected: false });
    expect(await write({ enrolment_id: hiddenEnrolment.id })).toEqual({ controller_org_id: intervention.owner_org_id, protected: true });
    expect(await write({ person_id: hidden.id })).toEqual({ controller_org_id: t.world.orgs.kommun, protected: true });
    // A writer may raise the flag, never lower it; with neither person nor enrolment there is no controller.
    expect(await write({ protected: true })).toEqual({ controller_org_id: null, protected: true });
    expect(await write({ person_id: hidden.id, protected: false })).toMatchObject({ protected: true });
    await sealAll();
    await expectIntact();
  });

  it.runIf(onPostgres)('seal nothing at or above a transaction still in progress, so its commit cannot slot in behind a seal', async () => {
    await sealAll();
    let releaseA!: () => void;
    const holdA = new Promise<void>((resolve) => (releaseA = resolve));
    let markA!: () => void;
    const aWrote = new Promise<void>((resolve) => (markA = resolve));
    const a = t.db.transaction().execute(async (trx) => {
      await writeAudit(trx, who, reads(2));
      markA();
      await holdA;
    });
    await aWrote;
    // B writes after A and commits first: its rows are committed but sort after A's open ones.
    await t.db.transaction().execute((trx) => writeAudit(trx, who, reads(3)));
    const sealedBefore = (await sealsOf()).length;
    await sealAuditEvents(t.db);
    expect(await sealsOf()).toHaveLength(sealedBefore);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, unsealed: 3 });
    releaseA();
    await a;
    await sealAll();
    await expectIntact();
  });

  it('read only the rows they seal, however long the sealed trail already is', async () => {
    await writeAudit(t.db, who, reads(5000));
    await sealAll();
    await writeAudit(t.db, who, reads(3));
    // With statistics of a long trail, a head joined into the statement instead of passed to it
    // made the planner walk the whole trail in order and filter it, once a second.
    await sql`analyze audit_events`.execute(t.db);
    const plan = await t.db.transaction().execute(async (trx) => {
      // An index scan wherever the planner has one: the test is about what bounds it.
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>`explain (analyze, format json) ${sealStatement(await chainHead(trx), 1000)}`.execute(trx);
      return rows[0]['QUERY PLAN'][0].Plan;
    });
    expect(auditRowsRead(plan)).toBeLessThanOrEqual(3);
    await expectIntact();
  });

  it('stay one chain with many concurrent writers while two sealers run', async () => {
    let writing = true;
    const sealer = async () => {
      while (writing) {
        await sealAuditEvents(t.db, { batchSize: 7 });
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const writer = async (i: number) => {
      for (let round = 0; round < 5; round++) {
        await t.db.transaction().execute(async (trx) => {
          await writeAudit(trx, who, reads(1 + (i % 3)));
          await new Promise((resolve) => setTimeout(resolve, (i * 7 + round * 3) % 11));
          await writeAudit(trx, who, reads(1));
        });
      }
    };
    const before = await eventCount();
    const sealers = [sealer(), sealer()];
    await Promise.all(Array.from({ length: 12 }, (_, i) => writer(i)));
    writing = false;
    await Promise.all(sealers);
    const written = Array.from({ length: 12 }, (_, i) => 5 * (2 + (i % 3))).reduce((a, b) => a + b, 0);
    expect(await eventCount()).toBe(before + written);
    // A commit that slotted in behind a seal would change that seal's rows: verify would fail.
    await sealAll();
    await expectIntact();
  });
});

describe('writeAudit', () => {
  it('stores each event as written, awkward details and missing ids included', async () => {
    const details = { note: 'a "quoted", {braced} NULL \\ back\\slash, åäö \u202e', nested: { list: [1, null, 'x'] } };
    const before = await eventCount();
    await writeAudit(t.db, { ...who, requestId: 'req-awkward' }, [
      { action: 'read', entity: 'person', personId: null, details },
      { action: 'update', entity: 'enrolment', enrolmentId: null, outcome: 'denied' },
    ]);
    const rows = await t.db.selectFrom('audit_events').select(['action', 'entity', 'person_id', 'enrolment_id', 'outcome', 'details', 'request_id', 'actor_role', 'purpose'])
      .where('request_id', '=', 'req-awkward').orderBy('id').execute();
    expect(rows).toEqual([
      { action: 'read', entity: 'person', person_id: null, enrolment_id: null, outcome: 'allowed', details, request_id: 'req-awkward', actor_role: 'system', purpose: 'test' },
      { action: 'update', entity: 'enrolment', person_id: null, enrolment_id: null, outcome: 'denied', details: null, request_id: 'req-awkward', actor_role: 'system', purpose: 'test' },
    ]);
    expect(await eventCount()).toBe(before + 2);
  });
});

describe('verifyAuditChain', () => {
  const sealed = async (index: number) => (await events())[index];
  const sealOf = async (eventIndex: number) => {
    const event = await sealed(eventIndex);
    return (await sealsOf()).find((s) => BigInt(s.last_xid) > BigInt(event.xid) || (s.last_xid === event.xid && Number(s.last_id) >= event.id))!;
  };

  it('reports an event changed behind the triggers by its id', async () => {
    await sealAll(100);
    const target = await sealed(100);
    const original = await t.db.selectFrom('audit_events').select('purpose').where('id', '=', target.id).executeTakeFirstOrThrow();
    await tamper((db) => db.updateTable('audit_events').set({ purpose: 'ändrad i efterhand' }).where('id', '=', target.id).execute());
    for (const batchSize of [1, 7, 10_000]) {
      expect(await verifyAuditChain(t.db, { batchSize })).toEqual({ ok: false, brokenId: target.id, reason: 'hash', count: 100 });
    }
    await tamper((db) => db.updateTable('audit_events').set({ purpose: original.purpose }).where('id', '=', target.id).execute());
    await expectIntact();
  });

  it('reports the seal of an event changed and given a fresh hash too', async () => {
    const target = await sealed(200);
    const seal = await sealOf(200);
    const original = await t.db.selectFrom('audit_events').select('purpose').where('id', '=', target.id).executeTakeFirstOrThrow();
    const rehash = (db: Db) => sql`update audit_events e set hash = sha256(audit_event_content(e)) where id = ${target.id}`.execute(db);
    await tamper(async (db) => {
      await db.updateTable('audit_events').set({ purpose: 'ändrad' }).where('id', '=', target.id).execute();
      await rehash(db);
    });
    expect(await verifyAuditChain(t.db, { batchSize: 50 })).toMatchObject({ ok: false, sealId: Number(seal.id), reason: 'seal' });
    await tamper(async (db) => {
      await db.updateTable('audit_events').set({ purpose: original.purpose }).where('id', '=', target.id).execute();
      await rehash(db);
    });
    await expectIntact();
  });

  it('reports the seal of an event inserted among sealed ones', async () => {
    const neighbour = await sealed(300);
    const seal = await sealOf(300);
    await tamper((db) =>
      sql`insert into audit_events (id, xid, action, entity, outcome, hash)
          select ${neighbour.id} + 1000000, ${neighbour.xid}::xid8, 'read', 'person', 'allowed', '\\x00'::bytea`.execute(db),
    );
    await tamper((db) => sql`update audit_events e set hash = sha256(audit_event_content(e)) where id = ${neighbour.id + 1_000_000}`.execute(db));
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: false, reason: 'seal' });
    expect((result as { sealId: number }).sealId).toBeGreaterThanOrEqual(Number(seal.id));
    await tamper((db) => db.deleteFrom('audit_events').where('id', '=', neighbour.id + 1_000_000).execute());
    await expectIntact();
  });

  it('reports a seal that does not follow the one before', async () => {
    const seals = await sealsOf();
    await tamper((db) => db.deleteFrom('audit_seals').where('id', '=', seals[2].id).execute());
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, sealId: Number(seals[3].id), reason: 'link' });
  });
  it('reports the seal of an event that was deleted, the last of its seal included', async () => {
    const seals = await sealsOf();
    const lastOfFirst = Number(seals[0].last_id);
    await tamper((db) => db.deleteFrom('audit_events').where('id', '=', lastOfFirst).execute());
    expect(await verifyAuditChain(t.db, { batchSize: 3 })).toMatchObject({ ok: false, sealId: Number(seals[0].id), reason: 'seal', count: seals[0].row_count - 1 });
  });

});

describe('unsealed events', () => {
  it('are counted, and those older than a minute reported', async () => {
    // A fresh chain: the tests above broke this one on purpose.
    await tamper(async (db) => {
      await db.deleteFrom('audit_seals').execute();
      await db.deleteFrom('audit_events').execute();
    });
    await writeAudit(t.db, who, reads(3));
    await sealAll();
    await writeAudit(t.db, who, reads(2));
    await tamper((db) =>
      sql`insert into audit_events (action, entity, outcome, at, xid, hash) values ('read', 'person', 'allowed', now() - interval '2 minutes', pg_current_xact_id(), '\\x00')`.execute(db),
    );
    await tamper((db) => sql`update audit_events e set hash = sha256(audit_event_content(e)) where length(hash) = 1`.execute(db));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 6, seals: 1, unsealed: 3, staleUnsealed: 1 });
  });
});

describe('the append-only tables', () => {
  it('refuse UPDATE, DELETE and TRUNCATE through their triggers', async () => {
    await sealAll();
    const id = (await events())[0].id;
    for (const [table, statement] of [
      ['audit_events', sql`update audit_events set purpose = 'x' where id = ${id}`],
      ['audit_events', sql`delete from audit_events where id = ${id}`],
      ['audit_events', sql`truncate audit_events`],
      ['audit_seals', sql`update audit_seals set row_count = 1`],
      ['audit_seals', sql`delete from audit_seals`],
      ['audit_seals', sql`truncate audit_seals`],
    ] as const) {
      await expect(statement.execute(t.db)).rejects.toMatchObject({ code: '42501', message: `${table} is append-only` });
    }
  });
});
