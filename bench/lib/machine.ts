// Where and when the figures were measured: machine, date, commit (read from .git, no git
// command), PostgreSQL version, and the load average around the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminQuery } from './db.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function headCommit(): string {
  try {
    const gitDir = path.join(root, '.git');
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    const loose = path.join(gitDir, ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
    const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
    return packed?.split(' ')[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export type Machine = { cpus: number; cpuModel: string; memoryGb: number; os: string; node: string; postgres: string; pglite: string };

export async function machine(): Promise<Machine> {
  const pgVersion = (await adminQuery<{ v: string }>("select current_setting('server_version') as v")).rows[0].v;
  const pglite = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string;
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion,
    pglite: `${pglite} (PostgreSQL 18)`,
  };
}

export const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);
