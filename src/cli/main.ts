#!/usr/bin/env node
// The `stegvis` command. Every subcommand opens the same database as the server (DATABASE_URL or
// STEGVIS_DATA_DIR), migrates it first, acts as the system in the audit trail, and closes it.
import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import { formatLogins, seedDemoIfEmpty } from '../server/demo/demo-seed.js';
import { registerAuditCommand } from './audit.command.js';
import { registerBackupCommands } from './backup.command.js';
import { CliError, describeError } from './cli-error.js';
import { registerConsentCommand } from './consent.command.js';
import { registerFiguresCommand } from './figures.command.js';
import { translateCommanderMessage } from './commander-sv.js';
import { withDatabase } from './database.js';
import { importCommand, importKinds } from './import.command.js';
import { figuresCommand, monthlyCommand, outcomesCommand } from './report.command.js';
import { nationalCommand } from './national.command.js';
import { registerRetentionCommand } from './retention.command.js';
import { userAddCommand } from './user.command.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command('stegvis')
  .description('Stegvis – uppföljning av arbetsmarknads- och rehabiliteringsinsatser')
  .version(version, '-v, --version', 'visa versionen')
  .helpOption('-h, --help', 'visa hjälp')
  .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
  .configureOutput({ outputError: (message, write) => write(translateCommanderMessage(message)) })
  .showHelpAfterError('(stegvis --help visar alla kommandon)');

program
  .command('serve')
  .description('starta servern (som npm start)')
  .action(async () => {
    // Loaded only here: the other commands start faster without the web server's modules.
    const { startServer } = await import('../server/start.js');
    await startServer();
  });

program
  .command('migrate')
  .description('uppdatera databasens schema till senaste version')
  .action(() =>
    withDatabase(async (_db, _config, migrated) => {
      console.log(migrated.length ? `Databasen är uppdaterad: ${migrated.join(', ')}.` : 'Databasen har redan senaste schemat.');
    }),
  );

program
  .command('demo')
  .description('läs in demodata i en tom databas och skriv ut inloggningarna')
  .action(() =>
    withDatabase(async (db) => {
      const logins = await seedDemoIfEmpty(db);
      if (!logins) throw new CliError('Databasen innehåller redan data. Demodata kan bara läsas in i en tom databas.');
      console.log(formatLogins(logins));
    }),
  );

const importer = program.command('import').description('importera en CSV-fil (allt eller inget)');
for (const kind of importKinds) {
  importer
    .command(`${kind} <fil>`)
    .description(`importera ${kind}.csv`)
    .option('--dry-run', 'kontrollera filen mot databasen utan att spara något')
    .action((file: string, options: { dryRun?: boolean }) => importCommand(kind, file, options));
}

const report = program.command('report').description('ta fram rapporter');
report
  .command('outcomes')
  .description('resultatrapporten (JSON version 1, CSV, eller som XLSX, DOCX eller PDF) för en insats eller ett förbund')
  .addOption(new Option('--intervention <kod>', 'insatsens kod').conflicts('association'))
  .addOption(new Option('--association <kod>', 'förbundets kod'))
  .requiredOption('--from <datum>', 'periodens första dag (ÅÅÅÅ-MM-DD)')
  .requiredOption('--to <datum>', 'periodens sista dag (ÅÅÅÅ-MM-DD)')
  .addOption(new Option('--format <format>', 'utdataformat (csv: maskinläsbar CSV)').choices(['json', 'csv', 'xlsx', 'docx', 'pdf']).default('json'))
  .option('--out <fil>', 'spara i filen (krävs för xlsx, docx och pdf; annars standard ut)')
  .option('--suppress', 'dölj små tal (som för mottagare utanför den ansvariga organisationen)')
  .action((options) => outcomesCommand(options));
report
  .command('figures')
  .description('nyckeltalen (JSON version 1, eller som CSV, XLSX, DOCX eller PDF) för en insats, ett team, en organisation eller ett förbund')
  .addOption(new Option('--intervention <kod>', 'insatsens kod').conflicts(['organisation', 'association']))
  .addOption(new Option('--team <namn>', 'ett team i insatsen'))
  .addOption(new Option('--organisation <kod>', 'organisationens kod (dess insatser)').conflicts('association'))
  .addOption(new Option('--association <kod>', 'förbundets kod'))
  .requiredOption('--from <datum>', 'periodens första dag (ÅÅÅÅ-MM-DD)')
  .requiredOption('--to <datum>', 'periodens sista dag (ÅÅÅÅ-MM-DD)')
  .addOption(new Option('--format <format>', 'utdataformat').choices(['json', 'csv', 'xlsx', 'docx', 'pdf']).default('json'))
  .option('--out <fil>', 'spara i filen (krävs för xlsx, docx och pdf; annars standard ut)')
  .option('--suppress', 'dölj små tal (insats eller förbund, kalenderperioder)')
  .action((options) => figuresCommand(options));
report
  .command('monthly')
  .description('månadsresultatet (avslut till arbete eller studier delat med aktiva per månad) med jämförelse och prognos')
  .requiredOption('--intervention <kod>', 'insatsens kod')
  .requiredOption('--from <månad>', 'första månaden (ÅÅÅÅ-MM)')
  .requiredOption('--to <månad>', 'sista månaden (ÅÅÅÅ-MM)')
  .option('--compare-intervention <kod>', 'jämför med en annan insats')
  .option('--compare-team <namn>', 'jämför med ett team i insatsen')
  .option('--last-year', 'jämför med samma månader förra året')
  .addOption(new Option('--format <format>', 'utdataformat (csv: för Excel, med semikolon)').choices(['json', 'csv']).default('json'))
  .option('--suppress', 'dölj små tal (som för mottagare utanför den ansvariga organisationen)')
  .action((options) => monthlyCommand(options));
report
  .command('national')
  .description('förbundets år till Uppföljning Finsam, per insats (docs/national-export.md)')
  .requiredOption('--association <kod>', 'förbundets kod')
  .requiredOption('--year <år>', 'året (ÅÅÅÅ)')
  .addOption(new Option('--format <format>', 'filformat').choices(['csv', 'xlsx']).default('csv'))
  .requiredOption('--out <fil>', 'filen som skrivs')
  .action((options) => nationalCommand(options));

program
  .command('user')
  .description('hantera användare')
  .command('add')
  .description('lägg till en användare med en roll')
  .requiredOption('--email <e-post>', 'e-postadress (inloggning)')
  .requiredOption('--name <namn>', 'namn som visas')
  .requiredOption('--organisation <kod>', 'organisationen användaren tillhör')
  .requiredOption('--role <roll>', 'roll: case_worker, intervention_lead, association_admin, org_admin, report_reader, log_reviewer, system_admin')
  .addOption(new Option('--intervention <kod>', 'insatsen rollen gäller (case_worker, intervention_lead)').conflicts('association'))
  .addOption(new Option('--association <kod>', 'förbundet rollen gäller (association_admin, report_reader)'))
  .option('--password-stdin', 'läs lösenordet från standard in (annars skapas och visas ett)')
  .action((options) => userAddCommand(options));

registerConsentCommand(program);
registerRetentionCommand(program);
registerAuditCommand(program);
registerFiguresCommand(program);
registerBackupCommands(program);

// `stegvis report … | head` closes the pipe early: stop writing, but still close the database.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${describeError(error)}\n`);
  // exitCode rather than exit(): what is already written to a pipe still reaches its reader.
  process.exitCode = 1;
});
