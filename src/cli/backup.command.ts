// `stegvis backup <fil>` and `stegvis restore <fil>`: the embedded database (db/backup.ts). On
// PostgreSQL the database's own tools do it (pg_dump / pg_restore, docs/deployment.md).
import fs from 'node:fs';
import type { Command } from 'commander';
import { configFromEnv } from '../server/config.js';
import { backupEmbedded, restoreEmbedded } from '../server/db/backup.js';
import { CliError } from './cli-error.js';
import { withDatabase } from './database.js';

function embeddedDataDir(): string {
  const config = configFromEnv();
  if (config.databaseUrl) throw new CliError('DATABASE_URL är satt: säkerhetskopiera PostgreSQL med pg_dump och återställ med pg_restore (se docs/deployment.md).');
  return config.dataDir;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <fil>')
    .description('säkerhetskopiera den inbyggda databasen till en fil (går bra medan servern är igång)')
    .action(async (file: string) => {
      const dataDir = embeddedDataDir();
      const how = await backupEmbedded(dataDir, file).catch((error: Error) => {
        throw new CliError(error.message);
      });
      const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1).replace('.', ',');
      console.log(`Säkerhetskopian är skriven till ${file} (${size} MB${how === 'server' ? ', av den körande servern' : ''}).`);
    });
  program
    .command('restore <fil>')
    .description('återställ den inbyggda databasen från en säkerhetskopia till en tom datakatalog')
    .action(async (file: string) => {
      const dataDir = embeddedDataDir();
      if (!fs.existsSync(file)) throw new CliError(`Filen ${file} finns inte.`);
      await restoreEmbedded(file, dataDir).catch((error: Error) => {
        throw new CliError(error.message);
      });
      // A backup of an earlier release is brought to this release's schema.
      await withDatabase(async (_db, _config, migrated) => {
        console.log(`Databasen är återställd i ${dataDir}${migrated.length ? ` och uppdaterad (${migrated.length} migreringar)` : ''}. Kontrollera åtkomstloggen med: stegvis audit verify`);
      });
    });
}
