// `stegvis retention run [--dry-run]`: retention (gallring, data-protection model 8) now, as the
// server does once a day. Prints counts per organisation, never who.
import type { Command } from 'commander';
import { runRetention, type RetentionResult } from '../server/retention/retention.service.js';
import { withDatabase } from './database.js';

export type CommandDeps = {
  withDatabase: typeof withDatabase;
  write: (text: string) => void;
};

const defaults: CommandDeps = { withDatabase, write: (text) => void process.stdout.write(text) };

export function formatRetention(result: RetentionResult): string {
  const lines = [
    result.dryRun
      ? `Gallring per ${result.today}, provkörning: ingenting har ändrats.`
      : `Gallring per ${result.today} (körning ${result.runId}).`,
    ...result.items.map(
      (item) => `  ${item.organisationCode.padEnd(16)} identitet, sparas ${item.keepYears} år: ${item.removed} ${item.removed === 1 ? 'person' : 'personer'}`,
    ),
    result.dryRun
      ? `Totalt skulle identiteten tas bort för ${result.totalRemoved} personer. Kör utan --dry-run för att gallra.`
      : `Totalt togs identiteten bort för ${result.totalRemoved} personer. Statistiken påverkas inte.`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerRetentionCommand(program: Command, deps: Partial<CommandDeps> = {}): void {
  const { withDatabase: open, write } = { ...defaults, ...deps };
  program
    .command('retention')
    .description('gallring av personuppgifter')
    .command('run')
    .description('ta bort identiteten för personer vars senaste uppgift är äldre än gallringsregeln (utan regel 5 år)')
    .option('--dry-run', 'visa hur många som skulle gallras, utan att ändra något')
    .action(async (options: { dryRun?: boolean }) => {
      const result = await open((db) => runRetention(db, { dryRun: options.dryRun === true }));
      write(formatRetention(result));
    });
}
