// `stegvis audit verify`: checks the audit trail's hash chain (data-protection model 6, tamper
// evidence) in id order, in batches, and names the first broken link. Prints ids and counts only.
import type { Command } from 'commander';
import { verifyAuditChain, type ChainResult } from '../server/audit/audit-chain.service.js';
import { CliError } from './cli-error.js';
import { withDatabase } from './database.js';

export type CommandDeps = {
  withDatabase: typeof withDatabase;
  write: (text: string) => void;
  /** Progress on long runs; standard error, so standard out carries only the verdict. */
  progress: (text: string) => void;
};

const defaults: CommandDeps = {
  withDatabase,
  write: (text) => void process.stdout.write(text),
  progress: (text) => void (process.stderr.isTTY && process.stderr.write(text)),
};

const count = (n: number) => n.toLocaleString('sv-SE');

/** The verdict in Swedish; a broken chain is an error (exit code 1). */
export function formatChainResult(result: ChainResult): string {
  if (result.ok) {
    return result.count === 0
      ? 'Åtkomstloggen är tom: inget att kontrollera.\n'
      : `Åtkomstloggens kedja är hel: ${count(result.count)} händelser kontrollerade (till och med id ${result.lastId}).\n`;
  }
  const why =
    result.reason === 'hash'
      ? 'händelsens innehåll stämmer inte med dess kontrollsumma (raden har ändrats)'
      : 'händelsen pekar inte på föregående händelses kontrollsumma (en rad före den har tagits bort, lagts till eller skrivits om)';
  return `Åtkomstloggens kedja är bruten vid händelse med id ${result.brokenId}: ${why}. ${count(result.count)} händelser före den är hela.`;
}

export function registerAuditCommand(program: Command, deps: Partial<CommandDeps> = {}): void {
  const { withDatabase: open, write, progress } = { ...defaults, ...deps };
  program
    .command('audit')
    .description('åtkomstloggen (granskningsloggen)')
    .command('verify')
    .description('kontrollera att ingen händelse i åtkomstloggen har ändrats eller tagits bort (hashkedjan)')
    .option('--batch-size <antal>', 'händelser per omgång', '10000')
    .action(async (options: { batchSize: string }) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliError('--batch-size ska vara ett positivt heltal.');
      const result = await open((db) =>
        verifyAuditChain(db, { batchSize, onProgress: (checked) => progress(`\r${count(checked)} händelser kontrollerade …`) }),
      );
      progress('\n');
      if (!result.ok) throw new CliError(formatChainResult(result));
      write(formatChainResult(result));
    });
}
