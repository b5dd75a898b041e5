// A second Stegvis server process on the same PostgreSQL database, for tests that must hold
// across processes (login limits). Prints {"port":…} on stdout when it listens; SIGTERM stops it.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app.js';
import { configFromEnv } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';

const handle = await openDatabase({ databaseUrl: process.env.STEGVIS_TEST_DATABASE_URL, dataDir: '', poolSize: 2 });
const app = await buildApp({ ...configFromEnv({}), logLevel: 'silent' }, handle.db);
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port })}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => handle.close())
    .then(() => process.exit(0));
});
