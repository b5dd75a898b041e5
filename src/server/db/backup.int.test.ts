// Backup of the embedded database by the process holding it (db/backup.ts): here the test itself
// has the database open, so the request goes to its own handler, as it would to a running
// `stegvis import` — which SIGUSR2 must not end. The whole round trip through the compiled server
// and command is faults/backup-restore.spec.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseFixture } from '../../test/fixture.js';
import { seedWorld } from '../../test/world.js';
import { backupEmbedded, restoreEmbedded } from './backup.js';
import { openDatabase } from './connection.js';

const t = databaseFixture();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-backup-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe.runIf(process.env.STEGVIS_TEST_DB !== 'postgres')('backup by the process holding the embedded database', () => {
  it('is written by the holder, restores into an empty directory only, and holds the same rows', { timeout: 120_000 }, async () => {
    await seedWorld(t.db);
    const file = path.join(scratch, 'copy.tar.gz');
    expect(await backupEmbedded(t.tdb.name, file)).toBe('server');
    expect(fs.existsSync(`${file}.delvis`)).toBe(false);

    const restored = path.join(scratch, 'restored');
    await restoreEmbedded(file, restored);
    await expect(restoreEmbedded(file, restored)).rejects.toThrow('innehåller redan en databas');
    const copy = await openDatabase({ dataDir: restored });
    try {
      const emails = async (db: typeof t.db) => (await db.selectFrom('users').select('email').orderBy('email').execute()).map((u) => u.email);
      expect(await emails(copy.db)).toEqual(await emails(t.db));
      expect((await emails(copy.db)).length).toBeGreaterThan(0);
    } finally {
      await copy.close();
    }
  });
});
