import { buildApp, type App } from './app.js';
import { configFromEnv, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { type DemoLogin, demoLoginsInDatabase, formatLogins, seedDemoIfEmpty } from './demo/demo-seed.js';
import { startRetentionSchedule } from './retention/retention.scheduler.js';
import { startDirtyMarkCompaction } from './reports/suppression-decider.js';
import { startAuditSealer } from './audit/audit-sealer.js';

/**
 * Start-up shared by `npm start` and `stegvis serve`: migrate, seed demo data into an empty
 * embedded database, serve, seal the audit log every second, decide the suppression of changed
 * interventions every few seconds, run retention daily, and stop cleanly on SIGTERM/SIGINT.
 */
export async function startServer(config: Config = configFromEnv()): Promise<{ app: App; handle: DatabaseHandle }> {
  const handle = await openDatabase(config);
  let seeded: DemoLogin[] | null = null;
  try {
    await migrateToLatest(handle.db);
    if (handle.kind === 'embedded') seeded = await seedDemoIfEmpty(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const app = await buildApp(config, handle.db);
  // Retention (gallring) runs daily inside the server; closing the app waits for a run to end.
  const stopRetention = startRetentionSchedule(handle.db, app.log);
  app.addHook('onClose', async () => stopRetention());
  // The audit sealer chains committed audit events every second (one server at a time seals).
  const stopSealer = startAuditSealer(handle.db, app.log);
  app.addHook('onClose', async () => stopSealer());
  // The marks of changed interventions are kept to one each (their deciding is stegvis figures decide).
  const stopCompaction = startDirtyMarkCompaction(handle.db, app.log);
  app.addHook('onClose', async () => stopCompaction());
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Port taken, for instance: release the database (and its lock) before giving up.
    await app.close();
    await handle.close();
    throw error;
  }
  // Fastify's own "Server listening" line is written just after listen resolves: let it go first.
  await new Promise((resolve) => setImmediate(resolve));
  console.log(`Stegvis är igång på http://localhost:${config.port} (API-dokumentation: /api/docs)`);
  // The demo logins come last, so they are what one sees; again on every start of a database
  // holding the demo data (checked after listening, so the first answer does not wait for it).
  if (seeded) console.log(formatLogins(seeded));
  else await printDemoLogins(handle);
  return { app, handle };
}

async function printDemoLogins(handle: DatabaseHandle): Promise<void> {
  try {
    const logins = await demoLoginsInDatabase(handle.db);
    if (logins.length > 0) console.log(formatLogins(logins, 'Databasen har demodata. Inloggningar (en per roll):'));
  } catch {
    // Only a convenience: a database that cannot answer this will say so on the first request.
  }
}
