// `stegvis report national --association CODE --year YYYY --format csv|xlsx --out FILE`: the
// förbund's year for the national follow-up (Uppföljning Finsam, docs/national-export.md),
// suppressed as the förbund's figures are: the file leaves the controlling organisations.
import { writeFile } from 'node:fs/promises';
import { nationalExportCsv } from '../core/figures/national-export.js';
import { notFound } from '../server/errors.js';
import { computeNationalExport } from '../server/reports/association-figures.service.js';
import { findAssociation } from '../server/reports/association.repository.js';
import { nationalExportXlsx } from '../server/reports/national-export.xlsx.js';
import { CliError } from './cli-error.js';
import { reportOf } from './report.command.js';

export type NationalOptions = { association: string; year: string; format: 'csv' | 'xlsx'; out: string };

export async function nationalCommand(options: NationalOptions): Promise<void> {
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year) || year < 2000 || year > 2100) throw new CliError(`--year '${options.year}' är inget giltigt år: skriv det som ÅÅÅÅ, 2000–2100.`);
  const rows = await reportOf(async (db, config) => {
    const association = await findAssociation(db, options.association);
    if (!association) throw notFound();
    return computeNationalExport(db, association, year, config.suppressionThreshold);
  }, `Det finns inget förbund med koden '${options.association}'.`);
  const content = options.format === 'csv' ? nationalExportCsv(rows) : await nationalExportXlsx(rows);
  await writeFile(options.out, content);
  process.stdout.write(`${rows.length} insatser skrivna till ${options.out}\n`);
}
