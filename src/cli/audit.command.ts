// `stegvis audit verify`: checks the audit trail (data-protection model 6, tamper evidence): every
// event's content hash and every seal, in batches, and names the first break. `stegvis audit seal`
// seals what the server's sealer has not yet. Prints ids and counts only.
import type { Command } from 'commander';
import { verifyAuditChain, type ChainResult } from '../server/audit/audit-chain.service.js';
import { sealAuditEvents } from '../server/audit/audit-sealer.js';
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
  if (!result.ok) {
    const where =
      result.reason === 'hash'
        ? `vid händelse med id ${result.brokenId}: händelsens innehåll stämmer inte med dess kontrollsumma (raden har ändrats)`
        : result.reason === 'seal'
          ? `vid försegling ${result.sealId}: händelserna den omfattar är inte de som förseglades (en händelse har tagits bort, lagts till eller skrivits om)`
          : `vid försegling ${result.sealId}: den pekar inte på föregående försegling (en försegling har tagits bort eller skrivits om)`;
    return `Åtkomstloggens kedja är bruten ${where}. ${count(result.count)} händelser före den är hela.`;
  }
  if (result.count === 0) return 'Åtkomstloggen är tom: inget att kontrollera.\n';
  const lines = [`Åtkomstloggens kedja är hel: ${count(result.count)} händelser kontrollerade i ${count(result.seals)} förseglingar.`];
  if (result.lastSeal) lines.push(`Senaste försegling: ${result.lastSeal.id} (${result.lastSeal.hash}).`);
  if (result.unsealed > 0) lines.push(`${count(result.unsealed)} händelser är ännu inte förseglade.`);
  if (result.staleUnsealed > 0) {
    lines.push(`Varning: ${count(result.staleUnsealed)} av dem är äldre än en minut. Förseglingen går inte i servern; kör stegvis audit seal.`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerAuditCommand(program: Command, deps: Partial<CommandDeps> = {}): void {
  const { withDatabase: open, write, progress } = { ...defaults, ...deps };
  const audit = program.command('audit').description('åtkomstloggen (granskningsloggen)');
  audit
    .command('seal')
    .description('försegla de händelser i åtkomstloggen som ännu inte är förseglade')
    .action(async () => {
      const result = await open((db) => sealAuditEvents(db));
      write(
        result.elected
          ? `${count(result.rows)} händelser förseglade i ${count(result.seals)} förseglingar.\n`
          : 'En annan process förseglar just nu; inget gjort.\n',
      );
    });
  audit
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
