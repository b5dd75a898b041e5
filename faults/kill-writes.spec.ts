// Fault suite (issue 11, item 4): `kill -9` of the server while case workers register people
// concurrently, on PostgreSQL and on the embedded database. After each kill the server is started
// again on the same database. At the end every registration that answered 2xx is there with its
// audit row, none that answered an error is, every one that got no answer is wholly there or
// wholly absent, and the audit log's seals verify. FAULT_KILLS sets the number of kills per
// database (CI: 3; `bench/faults.ts` runs 50).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/server/audit/audit-chain.service.js';
import { sealAuditEvents } from '../src/server/audit/audit-sealer.js';
import { openDatabase, type DatabaseHandle } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { adminQuery, testServerUrl } from '../src/test/test-database.js';
import { seedWorld, testPassword, type World } from '../src/test/world.js';

const kills = Number(process.env.FAULT_KILLS ?? 3);
const writers = 8;
const root = path.resolve(import.meta.dirname, '..');

type Target = { kind: 'postgres' | 'embedded'; env: Record<string, string>; open: () => Promise<DatabaseHandle>; drop: () => Promise<void> };

function target(kind: Target['kind']): Target {
  if (kind === 'postgres') {
    const name = `stegvis_fault_${randomBytes(5).toString('hex')}`;
    const url = new URL(testServerUrl);
    url.pathname = `/${name}`;
    return {
      kind,
      env: { DATABASE_URL: url.toString() },
      open: async () => {
        await adminQuery(`CREATE DATABASE ${name}`).catch(() => undefined);
        return openDatabase({ databaseUrl: url.toString(), dataDir: '' });
      },
      drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-fault-'));
  return {
    kind,
    env: { STEGVIS_DATA_DIR: dir },
    open: () => openDatabase({ dataDir: dir }),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const running = new Set<ChildProcess>();

/** `npm start`'s compiled server (dist/server/main.js) as a child process; resolves once it answers. */
async function startServer(t: Target): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, ...t.env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output.slice(-500)}`)), 90_000);
    child.stdout!.on('data', () => {
      if (output.includes('Stegvis är igång')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output.slice(-500)}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function login(url: string, email: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  if (response.status !== 200) throw new Error(`login ${response.status}`);
  const cookie = response.headers.getSetCookie()[0].split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

type Outcome = { ref: string; status: number | 'no answer'; id?: string };

/** Writers registering people one after another until the server stops answering. */
async function writeUntilKilled(url: string, headers: Record<string, string>, world: World, round: number, outcomes: Outcome[], answered: () => void) {
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; ; i++) {
        const ref = `F-${round}-${w}-${i}`;
        try {
          const response = await fetch(`${url}/api/v1/enrolments`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              mode: 'consent',
              interventionId: world.interventions.kommunInsats,
              gender: i % 2 ? 'woman' : 'man',
              startDate: '2024-03-01',
              person: { participantRef: ref, firstName: 'Fel', lastName: 'Tålig' },
              consent: { givenDate: '2024-03-01', method: 'written', partyIds: [] },
              incomeBefore: ['social_assistance'],
            }),
          });
          const body = (await response.json()) as { id?: string };
          outcomes.push({ ref, status: response.status, id: body.id });
          answered();
        } catch {
          outcomes.push({ ref, status: 'no answer' });
          return;
        }
      }
    }),
  );
}

// As `npm start` does: compile the server once (nothing to do when it is up to date).
beforeAll(() => {
  const build = spawnSync(process.execPath, ['src/server/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the server did not build');
}, 600_000);
// A failed test must not leave a server running.
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

const kind = process.env.STEGVIS_TEST_DB === 'postgres' ? 'postgres' : 'embedded';

describe(`kill -9 during concurrent writes, ${kind}`, () => {
  const t = target(kind);
  afterAll(() => t.drop());

  it(`loses no answered write and leaves nothing half-written over ${kills} kills`, { timeout: 600_000 }, async () => {
    let handle = await t.open();
    await migrateToLatest(handle.db);
    const world = await seedWorld(handle.db);
    const kommunWorker = await handle.db.selectFrom('users').select('email').where('id', '=', world.users.kommunWorker.id).executeTakeFirstOrThrow();
    await handle.close();

    const outcomes: Outcome[] = [];
    for (let round = 0; round < kills; round++) {
      const server = await startServer(t);
      const headers = await login(server.url, kommunWorker.email);
      // Killed at a random moment once writes are being answered (the first answer can take
      // seconds on a loaded machine), so every round kills mid-write.
      let firstAnswer!: () => void;
      const writesAnswered = new Promise<void>((resolve) => (firstAnswer = resolve));
      const writing = writeUntilKilled(server.url, headers, world, round, outcomes, () => firstAnswer());
      await Promise.race([writesAnswered, writing]);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGKILL');
      await Promise.all([writing, exited]);
    }
    // Started once more: it must open the database (the embedded one after a stale lock) and seal.
    const last = await startServer(t);
    const stopped = new Promise((resolve) => last.child.once('exit', resolve));
    last.child.kill('SIGTERM');
    await stopped;

    handle = await t.open();
    try {
      const rows = await sql<{ ref: string; enrolment_id: string | null; audited: boolean }>`
        select p.participant_ref as ref, e.id as enrolment_id,
          exists (select 1 from audit_events a where a.enrolment_id = e.id and a.action = 'create') as audited
        from persons p left join enrolments e on e.person_id = p.id
        where p.participant_ref like 'F-%'`.execute(handle.db);
      const stored = new Map(rows.rows.map((r) => [r.ref, r]));
      const answered = outcomes.filter((o) => o.status !== 'no answer');
      expect(answered.length).toBeGreaterThan(0);
      for (const o of outcomes) {
        const row = stored.get(o.ref);
        if (o.status === 201 || o.status === 200) expect(row, o.ref).toMatchObject({ enrolment_id: o.id, audited: true });
        else if (o.status === 'no answer') expect(row === undefined || (row.enrolment_id !== null && row.audited), o.ref).toBe(true);
        else expect(row, `${o.ref} answered ${o.status}`).toBeUndefined();
      }
      expect(outcomes.filter((o) => typeof o.status === 'number' && o.status >= 500)).toEqual([]);
      // Every stored registration came from a request we made.
      expect([...stored.keys()].every((ref) => outcomes.some((o) => o.ref === ref))).toBe(true);
      await sealAuditEvents(handle.db);
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await handle.close();
    }
  });
});
