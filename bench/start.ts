// Start-up (issue 9 item 8): time from `npm start` to the first answer on an installed checkout
// (built already), for the first start of an empty data directory (demo data loaded) and for a
// restart of it, against a floor measured in the same run: `node -e` starting a bare http server.
// The budget: first answer within 10 s, restart within 5 s.
//   npx tsx bench/start.ts [--runs 3] [--checkout <dir>] [--port 3990]
// --checkout: another checkout to measure (a clean one, say, while the working tree is mid-edit);
// it must have node_modules; --commit names the commit it holds (default: this checkout's HEAD).
// Writes bench/results/start.json and renders bench/RESULTS.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, parseArgs } from './lib/args.js';
import type { StartResult } from './lib/start-result.js';
import { summarise } from './lib/stats.js';
import { renderResults } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const runs = Number(args.get('runs') ?? 3);
const checkout = path.resolve(args.get('checkout') ?? path.join(here, '..'));
const port = Number(args.get('port') ?? 3990);
const budget = { firstMs: 10_000, restartMs: 5_000 };

/** Starts a command in its own process group; resolves with the ms until the port answers HTTP. */
async function timeToFirstAnswer(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(command, argv, { cwd: checkout, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${argv.join(' ')} exited with ${child.exitCode}:\n${output.slice(-2000)}`);
      const answered = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`).then(() => true, () => false);
      if (answered) return performance.now() - started;
      if (performance.now() - started > 300_000) throw new Error(`${command} did not answer within 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await stop(child);
  }
}

/** SIGTERM to the group this run started (npm, sh and node), by its id; SIGKILL after 20 s. */
function stop(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(kill);
      // npm may leave before the server has released the data directory's lock.
      setTimeout(resolve, 500);
    });
    process.kill(-child.pid!, 'SIGTERM');
  });
}

const floorScript = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;

log(`building ${checkout} if needed (not timed)`);
for (const script of ['src/server/build-if-needed.mjs', 'src/web/build-if-needed.mjs']) {
  const built = spawnSync(process.execPath, [script], { cwd: checkout, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`${script} failed`);
}
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-start-'));
const first: number[] = [];
const restart: number[] = [];
const restartNode: number[] = [];
const floor: number[] = [];
const loadAverage = os.loadavg().map((l) => Math.round(l * 10) / 10);
try {
  for (let i = 0; i < runs; i++) {
    const env = { STEGVIS_DATA_DIR: path.join(base, `data-${i}`), LOG_LEVEL: 'warn' };
    floor.push(await timeToFirstAnswer(process.execPath, ['-e', floorScript], {}));
    first.push(await timeToFirstAnswer('npm', ['start', '--silent'], env));
    restart.push(await timeToFirstAnswer('npm', ['start', '--silent'], env));
    restartNode.push(await timeToFirstAnswer(process.execPath, ['dist/server/main.js'], env));
    log(`run ${i + 1}: floor ${Math.round(floor.at(-1)!)} ms, first ${Math.round(first.at(-1)!)} ms, restart ${Math.round(restart.at(-1)!)} ms, node only ${Math.round(restartNode.at(-1)!)} ms`);
  }
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
const commit = args.get('commit') ?? spawnSync('git', ['rev-parse', 'HEAD'], { cwd: checkout, encoding: 'utf8' }).stdout.trim();
const result: StartResult = {
  date: new Date().toISOString(),
  commit,
  loadAverage,
  runs,
  first: summarise(first),
  restart: summarise(restart),
  restartNode: summarise(restartNode),
  floor: summarise(floor),
  budget,
  ok: summarise(first).median <= budget.firstMs && summarise(restart).median <= budget.restartMs,
};
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'start.json'), `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(path.join(here, 'RESULTS.md'), renderResults(path.join(here, 'results'), path.join(here, 'notes.md')));
log('bench/results/start.json and bench/RESULTS.md written');
