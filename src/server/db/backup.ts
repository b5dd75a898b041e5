// Backup and restore of the embedded database (issue 11): a gzipped tar of the data directory made
// by PGlite's dumpDataDir in the worker that owns the database, exclusive of queries, so it is
// consistent even while the server serves. The server (or any process that has the database open)
// holds the directory's lock, so `stegvis backup` asks it (a request file and SIGUSR2) rather than
// opening the directory itself.
// PostgreSQL is backed up with pg_dump (docs/deployment.md).
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedDatabase } from './embedded.js';
import { acquireDataDirLock, lockHolder } from './lock.js';

const requestFile = (dataDir: string) => path.join(dataDir, 'stegvis-backup.request');
const errorFile = (file: string) => `${file}.fel`;
const WAIT_MS = 10 * 60_000;

/** Writes a backup of the embedded database in `dataDir` to `file`, through the running server when there is one. */
export async function backupEmbedded(dataDir: string, file: string): Promise<'server' | 'directory'> {
  const target = path.resolve(file);
  fs.rmSync(errorFile(target), { force: true });
  const server = lockHolder(dataDir);
  if (server === null) {
    const database = await startEmbeddedDatabase(dataDir);
    try {
      await writeAtomically(target, (part) => database.backup(part));
    } finally {
      await database.stop();
    }
    return 'directory';
  }
  fs.rmSync(target, { force: true });
  fs.writeFileSync(requestFile(dataDir), target, { mode: 0o600 });
  process.kill(server, 'SIGUSR2');
  const started = Date.now();
  while (Date.now() - started < WAIT_MS) {
    if (fs.existsSync(target)) return 'server';
    if (fs.existsSync(errorFile(target))) {
      const reason = fs.readFileSync(errorFile(target), 'utf8');
      fs.rmSync(errorFile(target), { force: true });
      throw new Error(reason);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Servern svarade inte på begäran om säkerhetskopia inom 10 minuter.');
}

/**
 * In every process that opens the embedded database (the server, a `stegvis` command, a test):
 * on SIGUSR2, writes the backup the request file in the data directory names. Every holder of
 * the lock must answer, since SIGUSR2 would otherwise end the process (a running import, say).
 */
export function serveBackupRequests(dataDir: string, backup: (file: string) => Promise<void>): () => void {
  const onSignal = () => {
    const request = requestFile(dataDir);
    if (!fs.existsSync(request)) return;
    const target = fs.readFileSync(request, 'utf8');
    fs.rmSync(request, { force: true });
    writeAtomically(target, backup).catch((error: Error) => fs.writeFileSync(errorFile(target), error.message));
  };
  process.on('SIGUSR2', onSignal);
  return () => process.off('SIGUSR2', onSignal);
}

/** Written beside the target and renamed, so a file at the target is always a whole backup. */
async function writeAtomically(target: string, write: (file: string) => Promise<void>): Promise<void> {
  const part = `${target}.delvis`;
  try {
    await write(part);
    fs.renameSync(part, target);
  } finally {
    fs.rmSync(part, { force: true });
  }
}

/** Restores a backup into `dataDir`, which must hold no database; the server must not be running on it. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION')) || fs.existsSync(path.join(dataDir, 'base'))) {
    throw new Error(`Datakatalogen ${dataDir} innehåller redan en databas. Återställ till en tom katalog, eller flytta undan den gamla först.`);
  }
  const bytes = fs.readFileSync(file);
  const release = acquireDataDirLock(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: path.resolve(dataDir), loadDataDir: new Blob([bytes]) });
    await db.query('select 1');
    await db.close();
  } finally {
    release();
  }
}
