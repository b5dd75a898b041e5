// Shared by the fault suite: the database a scenario runs on, the compiled server as a child
// process (as `npm start` runs it), and a logged-in client's headers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/connection.js';
import { adminQuery, testServerUrl } from '../../src/test/test-database.js';
import { testPassword } from '../../src/test/world.js';

export const root = path.resolve(import.meta.dirname, '../..');
export type Kind = 'postgres' | 'embedded';
export const kindUnderTest: Kind = process.env.STEGVIS_TEST_DB === 'postgres' ? 'postgres' : 'embedded';

export type Target = { kind: Kind; env: Record<string, string>; open: () => Promise<DatabaseHandle>; drop: () => Promise<void> };

/** A fresh database of the kind: a new database on the shared PostgreSQL server, or a new data directory. */
export function target(kind: Kind): Target {
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

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const running = new Set<ChildProcess>();

/** Compiles the server as `npm start` does (nothing to do when it is up to date). */
export function buildServer(): void {
  const build = spawnSync(process.execPath, ['src/server/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the server did not build');
}

/** A failed test must not leave a child running. */
export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Runs the compiled program (`dist/…`) as a child with the target's database; collects its output. */
export function spawnChild(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    running.delete(child);
    resolve(code);
  }));
  return { child, output: () => output, exited };
}

export type Server = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

/** `npm start`'s compiled server (dist/server/main.js); resolves once it says it is up. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const started = spawnChild(['dist/server/main.js'], { ...env, PORT: String(port), LOG_LEVEL: 'warn' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${started.output().slice(-500)}`)), 90_000);
    started.child.stdout!.on('data', () => {
      if (started.output().includes('Stegvis är igång')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void started.exited.then((code) => reject(new Error(`server exited (${code}): ${started.output().slice(-500)}`)));
  });
  return { ...started, url: `http://127.0.0.1:${port}` };
}

/** SIGKILL, and wait for the process to be gone. */
export async function killHard(process: { child: ChildProcess; exited: Promise<number | null> }): Promise<void> {
  process.child.kill('SIGKILL');
  await process.exited;
}

/** Starts the server once more and stops it cleanly: it must open the database after the kills and seal. */
export async function restartAndStop(env: Record<string, string>): Promise<void> {
  const last = await startServer(env);
  last.child.kill('SIGTERM');
  await last.exited;
}

/** Headers of a logged-in session: cookie, CSRF token, JSON. */
export async function login(url: string, email: string): Promise<Record<string, string>> {
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
