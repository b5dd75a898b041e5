import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';
import { buildWebIfNeeded } from '../../src/web/build-if-needed.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    worldUrl: string;
    demoUrl: string;
  }
}

const children: ChildProcess[] = [];

/** Starts `tsx e2e/support/serve.ts <mode>` and resolves with the URL it prints. */
function serve(mode: 'world' | 'demo'): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts', mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`e2e server (${mode}) stopped with code ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line).url);
    });
  });
}

export default async function setup(project: TestProject) {
  await buildWebIfNeeded();
  const [worldUrl, demoUrl] = await Promise.all([serve('world'), serve('demo')]);
  project.provide('worldUrl', worldUrl);
  project.provide('demoUrl', demoUrl);
  return async () => {
    await Promise.all(
      children.map((child) => new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })),
    );
  };
}
