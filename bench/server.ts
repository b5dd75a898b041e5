// A Stegvis server for the load cases, run as its own process so that the load generator does
// not share its event loop: `tsx bench/server.ts (--db-url URL | --data-dir DIR) [--audit off]`.
// Prints `listening <port>` on stdout when ready and stops on SIGTERM.
import { buildApp } from '../src/server/app.js';
import { startAuditSealer } from '../src/server/audit/audit-sealer.js';
import { configFromEnv } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/connection.js';
import { parseArgs } from './lib/args.js';

const args = parseArgs(process.argv.slice(2));
const handle = await openDatabase({ databaseUrl: args.get('db-url'), dataDir: args.get('data-dir') ?? '' });
const app = await buildApp(
  { ...configFromEnv({}), logLevel: 'silent', auditDisabledForBenchmark: args.get('audit') === 'off' },
  handle.db,
);
// As in production (start.ts): the sealer runs in the server.
const stopSealer = startAuditSealer(handle.db, app.log);
app.addHook('onClose', async () => stopSealer());
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  await handle.close();
  process.stdout.write(`maxrss ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
