// `stegvis figures decide [--all]`: decides, once, the small-cell suppression of the interventions
// whose data changed and keeps it in the database, so the förbund's figures are read, not
// decided, on the next request. Counts only. Run it from a timer (every few minutes) beside the
// server: deciding is seconds of CPU an intervention, which would stall the server's requests.
import type { Command } from 'commander';
import { decideDirtyFamilies, markEveryInterventionDirty } from '../server/reports/suppression-decider.js';
import { withDatabase } from './database.js';

export type FiguresCommandDeps = { withDatabase: typeof withDatabase; write: (text: string) => void };

const defaults: FiguresCommandDeps = { withDatabase, write: (text) => void process.stdout.write(text) };

const count = (n: number) => n.toLocaleString('sv-SE');

export function registerFiguresCommand(program: Command, deps: Partial<FiguresCommandDeps> = {}): void {
  const { withDatabase: open, write } = { ...defaults, ...deps };
  program
    .command('figures')
    .description('nyckeltalen med dolda små tal')
    .command('decide')
    .description('besluta vilka små tal som döljs för de insatser vars uppgifter ändrats, och spara besluten')
    .option('--all', 'besluta för alla insatser, inte bara de ändrade')
    .action(async (options: { all?: boolean }) => {
      const result = await open(async (db, config) => {
        if (options.all) await markEveryInterventionDirty(db);
        return decideDirtyFamilies(db, config.suppressionThreshold);
      });
      write(
        result.elected
          ? `${count(result.interventions)} insatser genomgångna: ${count(result.decided)} nya beslut sparade, ${count(result.pruned)} gamla borttagna.\n`
          : 'En annan process beslutar just nu; inget gjort.\n',
      );
    });
}
