// Child processes of the load cases: a server started with tsx's loader in the same Node, which
// prints `listening <port>` when ready. Stopped by its pid only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type Child = { port: number; url: string; process: ChildProcess; stop: () => Promise<{ maxRssMb: number | null }> };

export const benchFile = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

export function startChild(script: string, args: string[], timeoutMs = 60_000): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', benchFile(script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  let maxRssMb: number | null = null;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before listening`));
    });
    lines.on('line', (line) => {
      const [word, value] = line.split(' ');
      if (word === 'maxrss') maxRssMb = Number(value);
      if (word !== 'listening') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const port = Number(value);
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        process: child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done({ maxRssMb });
            const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(kill);
              // The last line may arrive just after exit.
              setImmediate(() => done({ maxRssMb }));
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
