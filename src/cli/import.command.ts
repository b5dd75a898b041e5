// `stegvis import organisations|interventions|enrolments|activities <file.csv> [--dry-run]`
import fs from 'node:fs';
import path from 'node:path';
import { systemAuditActor } from '../server/audit/audit.js';
import { systemScope } from '../server/access/data-scope.js';
import { runImport, type ImportKind, type ImportSummary } from '../server/import/import.service.js';
import { CliError } from './cli-error.js';
import { withDatabase } from './database.js';

export const importKinds: ImportKind[] = ['organisations', 'interventions', 'enrolments', 'activities'];

export async function importCommand(kind: ImportKind, file: string, options: { dryRun?: boolean }): Promise<void> {
  const bytes = readFile(file);
  const dryRun = options.dryRun === true;
  const result = await withDatabase((db) => runImport(db, kind, bytes, { dryRun, scope: systemScope('cli_import'), audit: systemAuditActor('cli') }));
  const name = path.basename(file);
  if (!result.ok) {
    for (const error of result.errors) {
      process.stderr.write(`${error.column ? `rad ${error.row}, kolumn ${error.column}` : `rad ${error.row}`}: ${error.reason}\n`);
    }
    throw new CliError(`${name} importerades inte: ${result.errors.length} fel. Inget har sparats; rätta filen och importera den igen.`);
  }
  process.stdout.write(`${describeSummary(name, result)}\n`);
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Filen ${file} finns inte.`);
    if (code === 'EISDIR') throw new CliError(`${file} är en katalog, inte en fil.`);
    throw new CliError(`Filen ${file} kunde inte läsas (${code ?? 'okänt fel'}).`);
  }
}

export function describeSummary(name: string, s: ImportSummary): string {
  if (s.alreadyImported) return `${name} är redan importerad (samma innehåll): inget ändrades.`;
  const parts = [
    count(s.created, 'ny', 'nya'),
    count(s.updated, 'ändrad', 'ändrade'),
    count(s.unchanged, 'oförändrad', 'oförändrade'),
  ];
  if (s.anonymous > 0) parts.push(count(s.anonymous, 'anonym registrering', 'anonyma registreringar'));
  const line = `${name}: ${count(s.rows, 'rad', 'rader')} – ${parts.join(', ')}.`;
  return s.dryRun ? `Provkörning, inget sparades. ${line}` : line;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
