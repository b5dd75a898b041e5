// `npm start` compiles the server (tsc -p tsconfig.build.json) only when its sources are newer
// than the last successful build, like src/web/build-if-needed.mjs for the web app: a start on
// an installed checkout then takes no compile time. The stamp is written only after tsc succeeded,
// so a failed build is tried again on the next start.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const inputs = ['src/server', 'src/core', 'src/cli', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => path.join(root, p));
const stamp = path.join(root, 'dist/server/.built');
const entry = path.join(root, 'dist/server/main.js');

/** Newest modification time under a path; tests are not compiled, so they do not count. */
function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.test\.ts$/.test(file) ? 0 : stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

export function buildServerIfNeeded() {
  const built = fs.existsSync(entry) ? (fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0) : 0;
  if (built > Math.max(...inputs.map(newest))) return false;
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Servern kunde inte byggas (tsc -p tsconfig.build.json).');
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildServerIfNeeded();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
