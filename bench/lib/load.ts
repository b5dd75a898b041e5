// Loads a scale's synthetic data through the project's own CSV import (src/server/import), file
// by file as a user would: organisations, interventions, then enrolments in files of `chunkRows`.
import {
  csvLine, ENROLMENT_HEADERS, generateScaleEnrolments, INTERVENTION_HEADERS, ORGANISATION_HEADERS, scaleMasterData, scales,
  toCsv, type RawRecord, type ScaleOptions,
} from '../../src/server/demo/generate.js';
import { systemAuditActor } from '../../src/server/audit/audit.js';
import { systemScope } from '../../src/server/access/data-scope.js';
import type { Db } from '../../src/server/db/connection.js';
import { importEnrolments, importInterventions, importOrganisations, type ImportResult } from '../../src/server/import/import.service.js';
import { log } from './args.js';

export type ScaleName = keyof typeof scales;
export const scaleNames = Object.keys(scales) as ScaleName[];

export function scaleOptions(name: string, seed: number): ScaleOptions {
  if (!(name in scales)) throw new Error(`unknown scale ${name}; use one of ${scaleNames.join(', ')}`);
  return { ...scales[name as ScaleName], seed };
}

export const importOptions = { dryRun: false, scope: systemScope('benchmark_data'), audit: systemAuditActor('benchmark data') };

export function check(what: string, result: ImportResult): void {
  if (!result.ok) {
    const first = result.errors.slice(0, 5).map((e) => `row ${e.row} ${e.column}: ${e.reason}`).join('; ');
    throw new Error(`${what} was refused (${result.errors.length} errors): ${first}`);
  }
}

/** Organisations and interventions only: the state an enrolment file is imported into. */
export async function loadMasterData(db: Db, opts: ScaleOptions): Promise<void> {
  const master = scaleMasterData(opts);
  check('organisations.csv', await importOrganisations(db, toCsv(master.organisations, ORGANISATION_HEADERS), importOptions));
  check('interventions.csv', await importInterventions(db, toCsv(master.interventions, INTERVENTION_HEADERS), importOptions));
}

/** The scale's enrolments as CSV files of at most `chunkRows` data rows each, streamed. */
export function* enrolmentFiles(opts: ScaleOptions, chunkRows: number): Generator<{ text: string; rows: number }> {
  const header = ENROLMENT_HEADERS.join(',');
  let lines: string[] = [];
  for (const record of generateScaleEnrolments(opts)) {
    lines.push(csvLine(record as RawRecord, ENROLMENT_HEADERS));
    if (lines.length === chunkRows) {
      yield { text: `${header}\n${lines.join('\n')}\n`, rows: lines.length };
      lines = [];
    }
  }
  if (lines.length > 0) yield { text: `${header}\n${lines.join('\n')}\n`, rows: lines.length };
}

/** The whole enrolment file of a scale in memory (fine up to M). */
export const enrolmentFile = (opts: ScaleOptions) => enrolmentFiles(opts, Number.MAX_SAFE_INTEGER).next().value!;

/** Loads everything; returns seconds and rows per second of the enrolment import. */
export async function loadScale(db: Db, opts: ScaleOptions, chunkRows = 100_000): Promise<{ seconds: number; rows: number }> {
  await loadMasterData(db, opts);
  const start = performance.now();
  let rows = 0;
  let file = 0;
  for (const chunk of enrolmentFiles(opts, chunkRows)) {
    file++;
    const t = performance.now();
    check(`enrolments file ${file}`, await importEnrolments(db, chunk.text, importOptions));
    rows += chunk.rows;
    log(`  file ${file}: ${chunk.rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s (${rows}/${opts.enrolments})`);
  }
  return { seconds: (performance.now() - start) / 1000, rows };
}
