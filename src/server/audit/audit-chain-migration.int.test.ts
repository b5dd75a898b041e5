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
import { GENESIS_HASH, verifyAuditChain } from './audit-chain.service.js';

// Migration 2026-11-22-0300-audit-chain on a database that already holds audit rows: they are
// chained once, in id order, and get their controller; the rows after them continue the chain.

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

describe('migration 2026-11-22-0300-audit-chain', () => {
  it('chains the rows already there and gives them their controller', async () => {
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
    await migrateToLatest(handle.db);
    const rows = await handle.db.selectFrom('audit_events').select(['id', 'prev_hash', 'hash', 'person_id', 'controller_org_id']).orderBy('id').execute();
    expect(rows).toHaveLength(30);
    expect(rows[0].prev_hash.equals(GENESIS_HASH)).toBe(true);
    expect(rows.every((r) => r.controller_org_id === (r.person_id ? '00000000-0000-4000-8000-000000000001' : null))).toBe(true);
    expect(await verifyAuditChain(handle.db, { batchSize: 7 })).toEqual({ ok: true, count: 30, lastId: rows[29].id });
  });

  it('leaves the table append-only and continues the chain', async () => {
    await expect(sql`update audit_events set purpose = 'x'`.execute(handle.db)).rejects.toMatchObject({ code: '42501' });
    await sql`insert into audit_events (action, entity, outcome) values ('read', 'person', 'allowed')`.execute(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, count: 31 });
  });
});
