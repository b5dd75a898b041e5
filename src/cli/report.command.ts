// `stegvis report outcomes (--intervention CODE | --association CODE) --from DATE --to DATE
//  [--format json|csv] [--suppress]`: the outcomes report, JSON v1 of domain.md, on stdout.
import { isIsoDate } from '../core/dates.js';
import { outcomesToCsv } from '../core/figures/outcomes-csv.js';
import { AppError } from '../server/errors.js';
import { computeOutcomesReport } from '../server/reports/outcomes.service.js';
import { CliError } from './cli-error.js';
import { withDatabase } from './database.js';

export type OutcomesOptions = {
  intervention?: string;
  association?: string;
  from: string;
  to: string;
  format: 'json' | 'csv';
  suppress?: boolean;
};

export async function outcomesCommand(options: OutcomesOptions): Promise<void> {
  const scope = scopeOf(options);
  for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (!isIsoDate(value)) throw new CliError(`${flag} '${value}' är inget giltigt datum: skriv det som ÅÅÅÅ-MM-DD.`);
  }
  if (options.from > options.to) throw new CliError('Perioden slutar före den börjar: --to måste vara samma dag som --from eller senare.');
  const report = await withDatabase(async (db, config) => {
    try {
      return await computeOutcomesReport(db, {
        scope,
        period: { from: options.from, to: options.to },
        suppress: options.suppress === true,
        threshold: config.suppressionThreshold,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        throw new CliError('intervention' in scope ? `Insatsen '${scope.intervention}' finns inte.` : `Förbundet '${scope.association}' finns inte.`);
      }
      throw error;
    }
  });
  process.stdout.write(options.format === 'csv' ? outcomesToCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
}

function scopeOf(options: OutcomesOptions): { intervention: string } | { association: string } {
  if (options.intervention && options.association) {
    throw new CliError('Ange antingen --intervention eller --association, inte båda.');
  }
  if (options.intervention) return { intervention: options.intervention };
  if (options.association) return { association: options.association };
  throw new CliError('Ange vilken rapport som avses: --intervention KOD eller --association KOD.');
}
