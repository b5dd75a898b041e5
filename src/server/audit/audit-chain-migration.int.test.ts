import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../test/test-database.js';
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { verifyAuditChain } from './audit-chain.service.js';
import { sealAuditEvents } from './audit-sealer.js';

// Migrations 2026-11-22-0300-audit-chain and 2026-11-28-1100-audit-sealer on a database that
// already holds audit rows: 0300 chains them once, in id order, and gives them their controller;
// 1100 checks that chain, refuses to convert a broken one, and turns it into content hashes that
// the first seal covers; the rows after them are sealed after them.

const onPostgres = (process.env.STEGVIS_TEST_DB ?? 'pglite') === 'postgres';
const name = `stegvis_test_${randomBytes(6).toString('hex')}`;
const dataDir = path.join(os.tmpdir(), `stegvis-test-${name}`);
let handle: DatabaseHandle;

const admin = async (text: string) => {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  if (onPostgres) {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(testServerUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  } else {
    handle = await openDatabase({ dataDir });
  }
  const before = Object.keys(migrations).filter((m) => m < '2026-11-22-0300-audit-chain').at(-1)!;
  const { error } = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } }).migrateTo(before);
  if (error) throw error;
});

afterAll(async () => {
  await handle?.close();
  if (onPostgres) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
});

const genesis = Buffer.alloc(32);
const sealedCount = async () => Number((await sql<{ n: number }>`select coalesce(sum(row_count), 0)::int as n from audit_seals`.execute(handle.db)).rows[0].n);
const migrateTo = async (target: string) => {
  const { error } = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } }).migrateTo(target);
  if (error) throw error;
};
const tamper = (statement: string) =>
  handle.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql.raw(statement).execute(trx);
  });

describe('migrations 2026-11-22-0300-audit-chain and 2026-11-28-1100-audit-sealer', () => {
  it('0300 chains the rows already there and gives them their controller', async () => {
    await sql`
      insert into organisations (id, code, name, kind) values ('00000000-0000-4000-8000-000000000001', 'KOMMUN', 'Kommunen', 'municipality');
    `.execute(handle.db);
    await sql`
      insert into persons (id, controller_org_id, gender) values ('00000000-0000-4000-8000-0000000000aa', '00000000-0000-4000-8000-000000000001', 'woman');
    `.execute(handle.db);
    await sql`
      insert into audit_events (actor_role, action, entity, person_id, outcome, details)
      select 'case_worker', 'read', 'person', case when g % 2 = 0 then '00000000-0000-4000-8000-0000000000aa'::uuid end, 'allowed', jsonb_build_object('n', g)
      from generate_series(1, 30) g`.execute(handle.db);
    await migrateTo('2026-11-22-0300-audit-chain');
    const { rows } = await sql<{ id: number; prev_hash: Buffer; hash: Buffer; person_id: string | null; controller_org_id: string | null }>`
      select id, prev_hash, hash, person_id, controller_org_id from audit_events order by id`.execute(handle.db);
    expect(rows).toHaveLength(30);
    expect(rows[0].prev_hash.equals(genesis)).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash.equals(rows[i - 1].hash)).toBe(true);
    expect(rows.every((r) => r.controller_org_id === (r.person_id ? '00000000-0000-4000-8000-000000000001' : null))).toBe(true);
  });

  it('1100 refuses to convert a broken chain, and changes nothing', async () => {
    const [row] = (await sql<{ id: number }>`select id from audit_events order by id offset 12 limit 1`.execute(handle.db)).rows;
    await tamper(`update audit_events set purpose = 'ändrad' where id = ${row.id}`);
    const refused = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect(String(refused.error)).toContain(`the audit chain is broken at id ${row.id}`);
    expect(await migrateToLatest(handle.db).catch(() => 'failed')).toBe('failed');
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'audit_events' and column_name = 'prev_hash'`.execute(handle.db);
    expect(columns.rows).toHaveLength(1);
    await tamper(`update audit_events set purpose = null where id = ${row.id}`);
  });

  it('1100 converts an intact chain; the first seal covers the old rows, then the new ones follow', async () => {
    await migrateToLatest(handle.db);
    expect(await verifyAuditChain(handle.db, { batchSize: 7 })).toMatchObject({ ok: true, count: 30, seals: 0, unsealed: 30 });
    await sql`insert into audit_events (action, entity, outcome) values ('read', 'person', 'allowed')`.execute(handle.db);
    // On a shared PostgreSQL server another database's open transaction can hold the horizon a moment.
    const deadline = Date.now() + 20_000;
    while ((await verifyAuditChain(handle.db)).count !== (await sealedCount()) && Date.now() < deadline) {
      await sealAuditEvents(handle.db, { batchSize: 30 });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seals = await handle.db.selectFrom('audit_seals').select(['last_xid', 'row_count']).orderBy('id').execute();
    expect(seals.map((s) => [s.last_xid, s.row_count])).toEqual([['0', 30], [expect.not.stringMatching(/^0$/), 1]]);
    expect(await verifyAuditChain(handle.db, { batchSize: 7 })).toMatchObject({ ok: true, count: 31, seals: 2, unsealed: 0 });
  });

  it('leaves the table append-only', async () => {
    await expect(sql`update audit_events set purpose = 'x'`.execute(handle.db)).rejects.toMatchObject({ code: '42501' });
  });
});
