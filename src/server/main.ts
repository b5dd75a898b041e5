import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoIfEmpty } from './demo/demo-seed.js';

/** `npm start`: migrate, seed demo data into an empty embedded database, serve. */
async function main() {
  const config = configFromEnv();
  const handle = await openDatabase(config);
  await migrateToLatest(handle.db);
  if (handle.kind === 'embedded') {
    const logins = await seedDemoIfEmpty(handle.db);
    if (logins) printLogins(logins);
  }
  const app = await buildApp(config, handle.db);
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
  await app.listen({ port: config.port, host: config.host });
  console.log(`Stegvis är igång på http://localhost:${config.port} (API-dokumentation: /api/docs)`);
}

function printLogins(logins: { role: string; email: string; password: string }[]) {
  console.log('\nDemodata är inläst. Inloggningar (en per roll):');
  for (const login of logins) console.log(`  ${login.role.padEnd(18)} ${login.email.padEnd(32)} ${login.password}`);
  console.log('');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
