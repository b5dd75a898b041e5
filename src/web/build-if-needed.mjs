// `npm start` and the browser tests build the web app only when its sources are newer than the
// last build (dist/web/index.html), so a start after a build takes no extra time.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const inputs = ['src/web', 'src/core', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
const output = path.join(root, 'dist/web/index.html');

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

export async function buildWebIfNeeded() {
  const built = fs.statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > Math.max(...inputs.map(newest))) return false;
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Webbappen kunde inte byggas (vite build).');
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWebIfNeeded();
}
