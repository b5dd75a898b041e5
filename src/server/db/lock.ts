import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite takes no lock on its data directory, and two writers would corrupt it. We hold an
 * exclusive lock file for the life of the process; a second opener gets a clear error.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, 'stegvis.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder && isAlive(holder)) {
        throw new Error(
          `Datakatalogen ${dataDir} används redan av en annan Stegvis-process (pid ${holder}). ` +
            'Stoppa den processen eller ange en annan katalog med STEGVIS_DATA_DIR.',
        );
      }
      // The holder died without releasing (SIGKILL, power loss): the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Kunde inte låsa datakatalogen ${dataDir}.`);
}

/** The live process holding the data directory's lock, or null when none does. */
export function lockHolder(dataDir: string): number | null {
  const lockPath = path.join(dataDir, 'stegvis.lock');
  const holder = fs.existsSync(lockPath) ? Number(fs.readFileSync(lockPath, 'utf8')) : 0;
  return holder && isAlive(holder) ? holder : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
