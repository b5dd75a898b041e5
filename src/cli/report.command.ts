// `stegvis report outcomes (--intervention CODE | --association CODE) --from DATE --to DATE
//  [--format json|csv|xlsx|docx|pdf] [--out FILE] [--suppress]`: the outcomes report, JSON v1 or
//  the machine CSV of domain.md, or the report as a file for people.
// `stegvis report figures (--intervention CODE [--team NAME] | --organisation CODE |
//  --association CODE) --from DATE --to DATE [--format json|csv|xlsx|docx|pdf] [--out FILE]
//  [--suppress]`: the key figures, JSON v1 or the report as a file for people.
// `stegvis report monthly --intervention CODE --from YYYY-MM --to YYYY-MM [--compare-intervention
//  CODE | --compare-team NAME | --last-year] [--format json|csv] [--suppress]`: the monthly series.
import fs from 'node:fs';
import { isIsoDate } from '../core/dates.js';
import { monthlyResultsToCsv } from '../core/figures/monthly-results-csv.js';
import { outcomesToCsv } from '../core/figures/outcomes-csv.js';
import { monthNameSchema } from '../core/schemas/monthly-results-report.js';
import { AppError } from '../server/errors.js';
import type { KeyFiguresScope } from '../core/schemas/key-figures-report.js';
import type { ReportDocument } from '../core/reports/document.js';
import { keyFiguresDocument } from '../core/reports/key-figures-document.js';
import { outcomesDocument } from '../core/reports/outcomes-document.js';
import { renderReportDocument, type ExportFormat } from '../server/exports/render.js';
import { computeKeyFiguresReport } from '../server/reports/key-figures.service.js';
import { computeMonthlyResults } from '../server/reports/monthly-results.service.js';
import { computeOutcomesReport } from '../server/reports/outcomes.service.js';
import type { Config } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
import { CliError } from './cli-error.js';
import { withDatabase } from './database.js';

type Output = { format?: 'json' | ExportFormat; out?: string };
export type OutcomesOptions = Output & { intervention?: string; association?: string; from: string; to: string; suppress?: boolean };

function checkOutput({ format = 'json', out }: Output) {
  if (!out && (format === 'xlsx' || format === 'docx' || format === 'pdf')) {
    throw new CliError(`--format ${format} ger en fil: ange var den ska sparas med --out FIL.`);
  }
}

/** JSON (or the text `csv` gives) as text, any other format from the report document; to --out, else stdout. */
async function writeReport({ format = 'json', out }: Output, report: object, document: () => ReportDocument, csv?: () => string) {
  const body =
    format === 'json' ? Buffer.from(`${JSON.stringify(report, null, 2)}\n`)
    : format === 'csv' && csv ? Buffer.from(csv())
    : (await renderReportDocument(document(), format)).body;
  if (out) fs.writeFileSync(out, body);
  else process.stdout.write(body);
}

function checkPeriod(options: { from: string; to: string }) {
  for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (!isIsoDate(value)) throw new CliError(`${flag} '${value}' är inget giltigt datum: skriv det som ÅÅÅÅ-MM-DD.`);
  }
  if (options.from > options.to) throw new CliError('Perioden slutar före den börjar: --to måste vara samma dag som --from eller senare.');
}

/** A report's answer, with "not found" and refusals said in Swedish as a command-line error. */
export async function reportOf<T>(compute: (db: Db, config: Config) => Promise<T>, notFound: string): Promise<T> {
  return withDatabase(async (db, config) => {
    try {
      return await compute(db, config);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') throw new CliError(notFound);
      if (error instanceof AppError && error.code === 'bad_request') throw new CliError(error.message);
      throw error;
    }
  });
}

export async function outcomesCommand(options: OutcomesOptions): Promise<void> {
  const scope = scopeOf(options);
  checkOutput(options);
  checkPeriod(options);
  const report = await reportOf(
    (db, config) =>
      computeOutcomesReport(db, { scope, period: { from: options.from, to: options.to }, suppress: options.suppress === true, threshold: config.suppressionThreshold }),
    'intervention' in scope ? `Insatsen '${scope.intervention}' finns inte.` : `Förbundet '${scope.association}' finns inte.`,
  );
  await writeReport(options, report, () => outcomesDocument(report), () => outcomesToCsv(report));
}

export type FiguresOptions = Output & { intervention?: string; team?: string; organisation?: string; association?: string; from: string; to: string; suppress?: boolean };

export async function figuresCommand(options: FiguresOptions): Promise<void> {
  const given = [options.intervention, options.organisation, options.association].filter(Boolean).length;
  if (given !== 1) throw new CliError('Ange vilka nyckeltal som avses: --intervention KOD, --organisation KOD eller --association KOD.');
  if (options.team && !options.intervention) throw new CliError('--team gäller ett team i en insats: ange också --intervention KOD.');
  checkOutput(options);
  checkPeriod(options);
  const scope: KeyFiguresScope = options.intervention
    ? options.team ? { intervention: options.intervention, team: options.team } : { intervention: options.intervention }
    : options.organisation ? { organisation: options.organisation } : { association: options.association! };
  const report = await reportOf(
    (db, config) =>
      computeKeyFiguresReport(db, { scope, period: { from: options.from, to: options.to }, suppress: options.suppress === true, threshold: config.suppressionThreshold }),
    'team' in scope ? `Insatsen '${scope.intervention}' har inget team '${scope.team}'.` : `Det finns ingen ${'intervention' in scope ? 'insats' : 'organisation' in scope ? 'organisation' : 'förbund'} med koden '${options.intervention ?? options.organisation ?? options.association}'.`,
  );
  await writeReport(options, report, () => keyFiguresDocument(report));
}

export type MonthlyOptions = {
  intervention: string;
  from: string;
  to: string;
  compareIntervention?: string;
  compareTeam?: string;
  lastYear?: boolean;
  format: 'json' | 'csv';
  suppress?: boolean;
};

export async function monthlyCommand(options: MonthlyOptions): Promise<void> {
  for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (!monthNameSchema.safeParse(value).success) throw new CliError(`${flag} '${value}' är ingen giltig månad: skriv den som ÅÅÅÅ-MM.`);
  }
  if ([options.compareIntervention, options.compareTeam, options.lastYear].filter(Boolean).length > 1) {
    throw new CliError('Jämför med en sak i taget: --compare-intervention, --compare-team eller --last-year.');
  }
  const compare = options.compareIntervention ? { intervention: options.compareIntervention } : options.compareTeam ? { team: options.compareTeam } : options.lastYear ? ('last_year' as const) : null;
  const report = await reportOf(
    (db, config) =>
      computeMonthlyResults(db, { intervention: options.intervention, from: options.from, to: options.to, compare, suppress: options.suppress === true, threshold: config.suppressionThreshold }),
    options.compareTeam
      ? `Insatsen '${options.intervention}' har inget team '${options.compareTeam}' (eller så finns inte insatsen).`
      : `Det finns ingen insats med koden '${options.intervention}'${options.compareIntervention ? ` eller '${options.compareIntervention}'` : ''}.`,
  );
  process.stdout.write(options.format === 'csv' ? monthlyResultsToCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
}

function scopeOf(options: OutcomesOptions): { intervention: string } | { association: string } {
  if (options.intervention && options.association) {
    throw new CliError('Ange antingen --intervention eller --association, inte båda.');
  }
  if (options.intervention) return { intervention: options.intervention };
  if (options.association) return { association: options.association };
  throw new CliError('Ange vilken rapport som avses: --intervention KOD eller --association KOD.');
}
