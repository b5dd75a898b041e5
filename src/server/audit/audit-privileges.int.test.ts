import fs from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testServerUrl, type TestDatabase } from '../../test/test-database.js';
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemAuditActor, writeAudit } from './audit.js';
import { verifyAuditChain } from './audit-chain.service.js';
import { sealAuditEvents } from './audit-sealer.js';
import { decideDirtyFamilies } from '../reports/suppression-decider.js';
import { findDecisions, storeDecisions } from '../reports/suppression-decisions.repository.js';

// Data-protection model 6: "audit rows cannot be updated or deleted by the application's database
// role". The trigger refuses it, but the schema's owner can drop a trigger; the privilege is what
// holds then. These tests run src/server/db/grants.sql exactly as docs/deployment.md tells an
// operator to.

const onPostgres = (process.env.STEGVIS_TEST_DB ?? 'pglite') === 'postgres';
const suffix = randomBytes(4).toString('hex');
const ownerRole = `stegvis_owner_${suffix}`;
const appRole = `stegvis_app_${suffix}`;
const who = systemAuditActor('test');

/** grants.sql with psql's :"app_role" filled in (the name is ours: letters, digits and _). */
const grantsFor = (role: string) =>
  fs.readFileSync(new URL('../db/grants.sql', import.meta.url), 'utf8').replaceAll(':"app_role"', `"${role}"`);

const refusedByPrivilege = { code: '42501', message: expect.stringMatching(/^permission denied for table audit_(events|seals)$/) };
const writes = [
  'update audit_events set purpose = $1',
  'delete from audit_events',
  'truncate audit_events',
  'update audit_seals set row_count = 1',
  'delete from audit_seals',
  'truncate audit_seals',
];

describe.runIf(onPostgres)('on PostgreSQL, the application role connected as itself', () => {
  const dbName = `stegvis_test_${suffix}`;
  let owner: DatabaseHandle;
  let app: DatabaseHandle;
  const urlFor = (role: string) => {
    const url = new URL(testServerUrl);
    url.username = role;
    url.password = '';
    url.pathname = `/${dbName}`;
    return url.toString();
  };
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
    await admin(`CREATE ROLE ${ownerRole} LOGIN`);
    await admin(`CREATE ROLE ${appRole} LOGIN`);
    await admin(`CREATE DATABASE ${dbName} OWNER ${ownerRole}`);
    owner = await openDatabase({ databaseUrl: urlFor(ownerRole), dataDir: '' });
    await migrateToLatest(owner.db);
    await sql.raw(grantsFor(appRole)).execute(owner.db);
    app = await openDatabase({ databaseUrl: urlFor(appRole), dataDir: '' });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${appRole}`);
    await admin(`DROP ROLE IF EXISTS ${ownerRole}`);
  });

  it('keeps decided suppression: the decider adds, reads and prunes decisions and clears marks, but never rewrites a decision', async () => {
    await app.db.insertInto('suppression_dirty').values({ intervention_id: randomUUID() }).execute();
    expect(await decideDirtyFamilies(app.db, 5)).toMatchObject({ elected: true, interventions: 1 });
    expect(await app.db.selectFrom('suppression_dirty').selectAll().execute()).toEqual([]);
    const family = { periods: [], reports: [] };
    await storeDecisions(app.db, [{ key: 'k|2023-2023', interventionId: null, family }]);
    expect(await findDecisions(app.db, ['k|2023-2023'])).toEqual(new Map([['k|2023-2023', family]]));
    for (const statement of [`update suppression_decisions set family = '{}'`, 'truncate suppression_decisions']) {
      await expect(sql.raw(statement).execute(app.db), statement).rejects.toMatchObject({ code: '42501', message: 'permission denied for table suppression_decisions' });
    }
    await app.db.deleteFrom('suppression_decisions').execute();
  });

  it('migrates nothing itself but starts like the server does, and writes chained audit rows', async () => {
    expect(await migrateToLatest(app.db)).toEqual([]);
    await app.db.insertInto('organisations').values({ code: 'KOMMUN', name: 'Kommunen', kind: 'municipality' }).execute();
    await app.db.updateTable('organisations').set({ name: 'Kommunen (ny)' }).where('code', '=', 'KOMMUN').execute();
    await writeAudit(app.db, who, [{ action: 'read', entity: 'person' }, { action: 'list', entity: 'person' }]);
    // The sealer runs in the server as this role. (Another database's open transaction can hold the horizon a moment.)
    const deadline = Date.now() + 20_000;
    while ((await sealAuditEvents(app.db)).rows === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true, count: 2, seals: 1, unsealed: 0 });
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit rows, even once the owner has dropped the trigger', async () => {
    await sql`drop trigger audit_events_append_only on audit_events`.execute(owner.db);
    await sql`drop trigger audit_events_no_truncate on audit_events`.execute(owner.db);
    await sql`drop trigger audit_seals_append_only on audit_seals`.execute(owner.db);
    await sql`drop trigger audit_seals_no_truncate on audit_seals`.execute(owner.db);
    for (const text of writes) {
      await expect(sql.raw(text.replace('$1', "'x'")).execute(app.db)).rejects.toMatchObject(refusedByPrivilege);
    }
    // Nor can it turn triggers off or take the table over.
    await expect(sql`alter table audit_events disable trigger user`.execute(app.db)).rejects.toMatchObject({ code: '42501' });
    await expect(sql.raw(`alter table audit_events owner to ${appRole}`).execute(app.db)).rejects.toMatchObject({ code: '42501' });
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true, count: 2 });
  });
});

describe.runIf(!onPostgres)('on the embedded database, a role granted by grants.sql', () => {
  // PGlite has one connection as its superuser, so the application runs as the owner there: the
  // trigger and the hash chain are its protection (docs/deployment.md). The grants themselves are
  // checked here with SET ROLE, inside transactions that roll back.
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await openTestDatabase();
    await sql.raw(`CREATE ROLE ${appRole} NOLOGIN`).execute(tdb.db);
    await sql.raw(grantsFor(appRole)).execute(tdb.db);
  });

  afterAll(async () => {
    await tdb?.close();
  });

  const asApp = (run: (db: typeof tdb.db) => Promise<unknown>) =>
    tdb.db.transaction().execute(async (trx) => {
      await sql`drop trigger audit_events_append_only on audit_events`.execute(trx);
      await sql`drop trigger audit_events_no_truncate on audit_events`.execute(trx);
      await sql`drop trigger audit_seals_append_only on audit_seals`.execute(trx);
      await sql`drop trigger audit_seals_no_truncate on audit_seals`.execute(trx);
      await sql.raw(`set local role ${appRole}`).execute(trx);
      await run(trx);
    });

  it('writes and verifies chained audit rows', async () => {
    await tdb.db.transaction().execute(async (trx) => {
      await sql.raw(`set local role ${appRole}`).execute(trx);
      await writeAudit(trx, who, [{ action: 'read', entity: 'person' }]);
      expect(await verifyAuditChain(trx)).toMatchObject({ ok: true, count: 1 });
    });
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit rows, even with the trigger dropped', async () => {
    for (const text of writes) {
      await expect(asApp((db) => sql.raw(text.replace('$1', "'x'")).execute(db))).rejects.toMatchObject(refusedByPrivilege);
    }
    expect(await verifyAuditChain(tdb.db)).toMatchObject({ ok: true, count: 1 });
  });
});
