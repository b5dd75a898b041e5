import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testServerUrl, type TestDatabase } from './test-database.js';

export type SecondServer = { baseUrl: string; stop: () => Promise<void> };

/** The URL of a PostgreSQL test database, for another process to connect to. */
export function databaseUrlOf(tdb: TestDatabase): string {
  const url = new URL(testServerUrl);
  url.pathname = `/${tdb.name}`;
  return url.toString();
}

/** Starts src/test/login-server.ts in its own Node process (through tsx) on the given database. */
export async function startSecondServer(databaseUrl: string): Promise<SecondServer> {
  const script = fileURLToPath(new URL('./login-server.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, STEGVIS_TEST_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += String(chunk)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).port);
    });
    child.on('exit', (code) => reject(new Error(`second server exited (${code}): ${errors.slice(0, 500)}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
