import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { acquireDataDirLock } from './lock.js';

export type EmbeddedDatabase = {
  socketDir: string;
  /** A consistent copy of the whole database as a gzipped tar (PGlite's dumpDataDir), written to `file`. */
  backup: (file: string) => Promise<void>;
  stop: () => Promise<void>;
};

// The worker owns PGlite, because a query blocks the thread that runs it, and serves it on a
// Unix socket so the server reaches it through the same `pg` driver as PostgreSQL. The source is
// plain JavaScript evaluated in the worker, so it runs the same under tsx, vitest and dist.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { PGlite } = await import(workerData.pgliteUrl);
  const { PGLiteSocketServer } = await import(workerData.socketUrl);
  const db = await PGlite.create(workerData.dataDir);
  const server = new PGLiteSocketServer({ db, path: workerData.socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on('message', async (message) => {
    if (message && message.backup) {
      // PGlite runs the dump exclusive of queries: a transaction still open is left out, as after a crash.
      try {
        const tar = await db.dumpDataDir('gzip');
        require('node:fs').writeFileSync(message.backup, Buffer.from(await tar.arrayBuffer()), { mode: 0o600 });
        parentPort.postMessage({ backedUp: message.backup });
      } catch (error) {
        parentPort.postMessage({ backedUp: message.backup, error: String((error && error.message) || error) });
      }
      return;
    }
    if (message !== 'stop') return;
    await server.stop();
    await db.close();
    parentPort.postMessage('stopped');
  });
  parentPort.postMessage('ready');
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/** Starts the embedded database in `dataDir` ("memory://" for a throw-away one). */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  // Socket paths are limited to ~100 bytes, so the socket lives in a private temp directory.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-'));
  fs.chmodSync(socketDir, 0o700);
  const require = createRequire(import.meta.url);
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      dataDir: inMemory ? undefined : path.resolve(dataDir),
      socketPath: path.join(socketDir, '.s.PGSQL.5432'),
      pgliteUrl: pathToFileURL(require.resolve('@electric-sql/pglite')).href,
      socketUrl: pathToFileURL(require.resolve('@electric-sql/pglite-socket')).href,
    },
  });
  try {
    await waitFor(worker, 'ready');
  } catch (error) {
    await worker.terminate();
    release();
    throw error;
  }
  let stopped = false;
  return {
    socketDir,
    backup: (file) =>
      new Promise((resolve, reject) => {
        const onMessage = (message: { backedUp?: string; error?: string }) => {
          if (message?.backedUp !== file) return;
          worker.off('message', onMessage);
          if (message.error) reject(new Error(`Säkerhetskopian kunde inte skrivas: ${message.error}`));
          else resolve();
        };
        worker.on('message', onMessage);
        worker.postMessage({ backup: file });
      }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
      await waitFor(worker, 'stopped').catch(() => undefined);
      await worker.terminate();
      fs.rmSync(socketDir, { recursive: true, force: true });
      release();
    },
  };
}

function waitFor(worker: Worker, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message === expected) done(resolve);
      else if (message && typeof message === 'object' && 'error' in message) {
        done(() => reject(new Error(`Den inbyggda databasen startade inte: ${String(message.error)}`)));
      }
    };
    const onError = (error: Error) => done(() => reject(error));
    const done = (fn: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      fn();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
  });
}
