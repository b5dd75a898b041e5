// `stegvis consent withdraw --enrolment ID --date DATE` and
// `stegvis consent add-party --enrolment ID --organisation CODE`: the consent lifecycle (OSL 12:2)
// for an operator on the server, acting as the system in the audit trail.
import type { Command } from 'commander';
import { id, isoDate } from '../core/schemas/common.js';
import { systemAuditActor } from '../server/audit/audit.js';
import { addConsentPartyOn, withdrawConsentOn } from '../server/consents/consent.operations.js';
import { findOrganisation } from '../server/consents/consent.repository.js';
import type { Db } from '../server/db/connection.js';
import { systemScope } from '../server/access/data-scope.js';
import { findVisibleEnrolmentRef } from '../server/persons/identity.repository.js';
import { CliError } from './cli-error.js';
import { withDatabase } from './database.js';
import type { CommandDeps } from './retention.command.js';

const defaults: CommandDeps = { withDatabase, write: (text) => void process.stdout.write(text) };

function enrolmentId(value: string): string {
  if (!id.safeParse(value).success) throw new CliError(`Ogiltigt id för inskrivningen: '${value}'. Ange inskrivningens id (uuid).`);
  return value;
}

async function target(db: Db, enrolment: string) {
  const found = await findVisibleEnrolmentRef(db, systemScope('cli_consent'), enrolment);
  if (!found) throw new CliError('Inskrivningen finns inte. Kontrollera id:t.');
  return found;
}

export function registerConsentCommand(program: Command, deps: Partial<CommandDeps> = {}): void {
  const { withDatabase: open, write } = { ...defaults, ...deps };
  const consent = program.command('consent').description('samtycken (OSL 12:2)');

  consent
    .command('withdraw')
    .description('återkalla samtycket: avslutar pågående inskrivningar och tar bort identiteten')
    .requiredOption('--enrolment <id>', 'en av personens inskrivningar')
    .requiredOption('--date <datum>', 'dagen samtycket återkallades (ÅÅÅÅ-MM-DD)')
    .action(async (options: { enrolment: string; date: string }) => {
      const enrolment = enrolmentId(options.enrolment);
      if (!isoDate.safeParse(options.date).success) throw new CliError(`Ogiltigt datum '${options.date}'. Ange datum som ÅÅÅÅ-MM-DD.`);
      const result = await open((db) =>
        db.transaction().execute(async (trx) => withdrawConsentOn(trx, await target(trx, enrolment), options.date, systemAuditActor('cli: consent withdraw'))),
      );
      write(
        `Samtycket är återkallat per ${result.withdrawnDate}. ${result.exitedEnrolments} pågående inskrivningar avslutades; ` +
          'identiteten är borttagen och statistiken påverkas inte.\n',
      );
    });

  consent
    .command('add-party')
    .description('lägg till en part i personens gällande samtycke')
    .requiredOption('--enrolment <id>', 'en av personens inskrivningar')
    .requiredOption('--organisation <kod>', 'organisationen som ska omfattas')
    .action(async (options: { enrolment: string; organisation: string }) => {
      const enrolment = enrolmentId(options.enrolment);
      await open((db) =>
        db.transaction().execute(async (trx) => {
          const organisation = await findOrganisation(trx, { code: options.organisation });
          if (!organisation) throw new CliError(`Organisationen '${options.organisation}' finns inte.`);
          return addConsentPartyOn(trx, await target(trx, enrolment), organisation.id, systemAuditActor('cli: consent add-party'));
        }),
      );
      write(`${options.organisation} omfattas nu av samtycket.\n`);
    });
}
