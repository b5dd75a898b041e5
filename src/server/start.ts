import { buildApp, type App } from './app.js';
import { configFromEnv, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { formatLogins, seedDemoIfEmpty } from './demo/demo-seed.js';
import { startRetentionSchedule } from './retention/retention.scheduler.js';

/**
 * Start-up shared by `npm start` and `stegvis serve`: migrate, seed demo data into an empty
 * embedded database, serve, run retention daily, and stop cleanly on SIGTERM/SIGINT.
 */
export async function startServer(config: Config = configFromEnv()): Promise<{ app: App; handle: DatabaseHandle }> {
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    if (handle.kind === 'embedded') {
      const logins = await seedDemoIfEmpty(handle.db);
      if (logins) console.log(formatLogins(logins));
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const app = await buildApp(config, handle.db);
  // Retention (gallring) runs daily inside the server; closing the app waits for a run to end.
  const stopRetention = startRetentionSchedule(handle.db, app.log);
  app.addHook('onClose', async () => stopRetention());
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
  console.log(`Stegvis är igång på http://localhost:${config.port} (API-dokumentation: /api/docs)`);
  return { app, handle };
}
