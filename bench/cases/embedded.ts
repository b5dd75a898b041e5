// Case: the embedded database's first start on an empty directory and reopen (what `npm start`
// does: worker, socket, pool, migrations), and peak memory, each against bare PGlite started
// in-process on the same kind of directory. Every start is a fresh process.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { benchDir } from '../lib/db.js';
import { benchFile } from '../lib/proc.js';
import { summarise, type Sample } from '../lib/stats.js';

const run = promisify(execFile);

export type StartFigure = { ms: Sample; maxRssMb: Sample };
export type EmbeddedFigures = {
  first: StartFigure; bareFirst: StartFigure; reopen: StartFigure; bareReopen: StartFigure;
  /** Reopen of the scale's loaded directory plus the country-year report. */
  loadedReport: StartFigure | null;
};

async function child(mode: string, dir: string, extra: string[] = []): Promise<{ ms: number; maxRssMb: number }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', benchFile('cases/embedded-child.ts'), mode, dir, ...extra], { timeout: 300_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

async function repeat(runs: number, once: (i: number) => Promise<{ ms: number; maxRssMb: number }>): Promise<StartFigure> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  return { ms: summarise(results.map((r) => r.ms)), maxRssMb: summarise(results.map((r) => r.maxRssMb)) };
}

export async function embeddedCase(runs: number, loadedDir: string | null, year: number): Promise<EmbeddedFigures> {
  const base = path.join(benchDir, 'embedded-start');
  const fresh = (name: string, i: number) => {
    const dir = path.join(base, `${name}-${i}`);
    fs.rmSync(dir, { recursive: true, force: true });
    return dir;
  };
  try {
    const first = await repeat(runs, (i) => child('stegvis-first', fresh('stegvis', i)));
    const bareFirst = await repeat(runs, (i) => child('bare-first', fresh('bare', i)));
    // Reopen the directories made above, alternating with the bare reopen.
    const reopen = await repeat(runs, (i) => child('stegvis-reopen', path.join(base, `stegvis-${i}`)));
    const bareReopen = await repeat(runs, (i) => child('bare-reopen', path.join(base, `bare-${i}`)));
    const loadedReport = loadedDir ? await repeat(Math.min(runs, 3), () => child('stegvis-report', loadedDir, [String(year)])) : null;
    return { first, bareFirst, reopen, bareReopen, loadedReport };
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}
