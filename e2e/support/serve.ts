// The real Stegvis server on a fresh embedded database, for the browser tests: run with tsx,
// prints one JSON line {"url": …} when it listens, and removes its data directory on SIGTERM.
//   tsx e2e/support/serve.ts world   the test world (src/test/world.ts): one user per role, no participants
//   tsx e2e/support/serve.ts demo    the demo data (src/server/demo/demo-seed.ts), as `npm start` shows it
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { configFromEnv } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/connection.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { loadDemo } from '../../src/server/demo/demo-seed.js';
import { seedWorld } from '../../src/test/world.js';

const mode = process.argv[2] === 'demo' ? 'demo' : 'world';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `stegvis-e2e-${mode}-`));
const config = {
  ...configFromEnv({ ...process.env, STEGVIS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' }),
  // The journeys log in many times from one address; the limit itself is tested on the server.
  loginLimit: { windowSeconds: 60, perAccount: 1000, perAddress: 1000, accountCeiling: 10000 },
};
const handle = await openDatabase(config);
await migrateToLatest(handle.db);
const seeded = mode === 'demo' ? { logins: await loadDemo(handle.db) } : await seedWorld(handle.db);
const app = await buildApp(config, handle.db);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, seeded })}\n`);

const stop = async () => {
  await app.close();
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
