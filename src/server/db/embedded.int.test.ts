import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';

// The embedded database itself; the PostgreSQL project has nothing to add here.
describe.runIf(process.env.STEGVIS_TEST_DB !== 'postgres')('the embedded database', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-embedded-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps committed rows across a reopen', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    await first.db.insertInto('organisations').values({ code: 'KVAR', name: 'Kvar', kind: 'municipality' }).execute();
    await first.close();
    const second = await openDatabase({ dataDir });
    const row = await second.db.selectFrom('organisations').select('name').where('code', '=', 'KVAR').executeTakeFirst();
    await second.close();
    expect(row?.name).toBe('Kvar');
  });

  it('refuses a second opener of the same directory with a clear error', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(/används redan av en annan Stegvis-process/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    const dataDir = tempDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(path.join(dataDir, 'stegvis.lock'), String(dead.pid));
    const handle = await openDatabase({ dataDir });
    const { rows } = await handle.pool.query('select 1 as one');
    await handle.close();
    expect(rows[0].one).toBe(1);
  });
});
