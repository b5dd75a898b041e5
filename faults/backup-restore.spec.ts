// Backup and restore of the embedded database (issue 11, item 4): `stegvis backup FILE` while the
// server runs and case workers register people, then `stegvis restore FILE` into an empty data
// directory. The restored database holds every registration answered before the backup began,
// each with its audit event and none half-written; its audit seals verify; its outcomes report
// counted in SQL equals the core figure definitions over what it holds; and the server starts on
// it and logs a case worker in. Restore refuses a directory that already holds a database.
// The embedded database only: PostgreSQL is backed up with pg_dump (docs/deployment.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gender } from '../src/core/code-lists.js';
import { computeOutcomes, type EnrolmentFact } from '../src/core/figures/outcomes.js';
import { openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { computeOutcomesReport } from '../src/server/reports/outcomes.service.js';
import { seedWorld } from '../src/test/world.js';
import { register, storedRegistrations, wholeOrAbsent } from './lib/registrations.js';
import { sealAndVerify } from './lib/audit.js';
import { buildServer, killChildren, kindUnderTest, login, sleep, spawnChild, startServer } from './lib/server.js';

beforeAll(buildServer, 600_000);
afterAll(killChildren);

describe.runIf(kindUnderTest === 'embedded')('stegvis backup and restore of the embedded database', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-fault-backup-'));
  const original = path.join(work, 'original');
  const restored = path.join(work, 'restored');
  const file = path.join(work, 'stegvis.backup');
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('backs up while the server writes, and the restored copy is whole', { timeout: 300_000 }, async () => {
    let handle = await openDatabase({ dataDir: original });
    await migrateToLatest(handle.db);
    const world = await seedWorld(handle.db);
    await handle.close();

    const server = await startServer({ STEGVIS_DATA_DIR: original });
    const headers = await login(server.url, world.users.kommunWorker.email);
    const answered: { ref: string; id: string; at: number }[] = [];
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        const ref = `B-${i}`;
        const { status, body } = await register(server.url, headers, world.interventions.kommunInsats, ref, i);
        if (status === 201) answered.push({ ref, id: body.id!, at: Date.now() });
      }
    })();
    await sleep(1500);
    const backupStarted = Date.now();
    const backup = spawnChild(['dist/cli/main.js', 'backup', file], { STEGVIS_DATA_DIR: original });
    expect(await backup.exited, backup.output()).toBe(0);
    expect(backup.output()).toContain('av den körande servern');
    writing = false;
    await writes;
    server.child.kill('SIGTERM');
    await server.exited;
    // With no server running, the command opens the directory itself.
    const offline = spawnChild(['dist/cli/main.js', 'backup', `${file}.offline`], { STEGVIS_DATA_DIR: original });
    expect(await offline.exited, offline.output()).toBe(0);
    expect(offline.output()).not.toContain('av den körande servern');
    expect(fs.statSync(`${file}.offline`).size).toBeGreaterThan(0);

    const restore = spawnChild(['dist/cli/main.js', 'restore', file], { STEGVIS_DATA_DIR: restored });
    expect(await restore.exited, restore.output()).toBe(0);
    const again = spawnChild(['dist/cli/main.js', 'restore', file], { STEGVIS_DATA_DIR: restored });
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('innehåller redan en databas');

    handle = await openDatabase({ dataDir: restored });
    try {
      const stored = await storedRegistrations(handle.db, 'B-');
      for (const a of answered.filter((a) => a.at < backupStarted)) expect(stored.get(a.ref), a.ref).toEqual({ enrolment_id: a.id, audited: true });
      for (const [ref, row] of stored) expect(wholeOrAbsent(row), ref).toBe(true);
      expect(stored.size).toBeGreaterThan(0);

      expect(await sealAndVerify(handle.db)).toMatchObject({ ok: true, unsealed: 0 });

      const rows = await sql<{ gender: Gender; birth_year: number | null; start_date: string; exit_date: string | null; exit_reason: string | null }>`
        select e.gender, p.birth_year, e.start_date, e.exit_date, e.exit_reason
        from enrolments e join persons p on p.id = e.person_id where e.intervention_id = ${world.interventions.kommunInsats}`.execute(handle.db);
      const facts: EnrolmentFact[] = rows.rows.map((r) => ({
        gender: r.gender, birthDate: null, birthYear: r.birth_year, startDate: r.start_date, exitDate: r.exit_date, exitReason: r.exit_reason,
      }));
      const scope = { intervention: 'KOMMUNINSATS' };
      const period = { from: '2024-01-01', to: '2024-12-31' };
      expect(await computeOutcomesReport(handle.db, { scope, period, suppress: false })).toEqual(computeOutcomes({ scope, period, enrolments: facts, anonymous: [] }));
    } finally {
      await handle.close();
    }

    const onRestored = await startServer({ STEGVIS_DATA_DIR: restored });
    try {
      await login(onRestored.url, world.users.kommunWorker.email);
    } finally {
      onRestored.child.kill('SIGTERM');
      await onRestored.exited;
    }
  });
});
