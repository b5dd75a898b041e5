// organisations.csv against the database: organisations are matched by code; kind never changes
// (it decides what an association is); the association column adds a membership and never removes
// one, because AF and FK are members of many förbund and a file names only one.
import { randomUUID } from 'node:crypto';
import { echo } from '../../core/echo.js';
import type { CsvTable } from '../../core/import/csv.js';
import { validateOrganisations, type OrganisationRow } from '../../core/import/rows.js';
import type { Db } from '../db/connection.js';
import { column, insertChunks, updateRows } from './bulk.repository.js';
import { CodeIndex } from './code-index.js';
import { checkLength, lineByCode } from './limits.js';
import { noCounts, type ImportOptions, type StepResult } from './import.types.js';

type Org = { id: string; code: string; name: string; kind: string; org_number: string | null };

export async function importOrganisationTable(db: Db, table: CsvTable, _opts: ImportOptions): Promise<StepResult> {
  const { rows, errors } = validateOrganisations(table);
  const existing = new CodeIndex(
    await db.selectFrom('organisations').select(['id', 'code', 'name', 'kind', 'org_number']).execute(),
  );
  // Rows of this file by code, so an organisation can name a förbund created in the same file.
  const inFile = new CodeIndex(rows);
  const rawCodes = new CodeIndex(table.records.map((record) => ({ code: record.code ?? '' })));
  const memberships = new Set(
    (await db.selectFrom('association_members').select(['association_id', 'organisation_id']).execute()).map(
      (m) => `${m.association_id}:${m.organisation_id}`,
    ),
  );

  const inserts: Org[] = [];
  const updates: Org[] = [];
  const newMembers: { association_id: string; organisation_id: string }[] = [];
  const counts = noCounts();
  const ids = new Map<string, string>();
  const idOf = (row: OrganisationRow) => ids.get(row.code) ?? existing.get(row.code)?.id ?? '';
  for (const row of rows) ids.set(row.code, existing.get(row.code)?.id ?? randomUUID());
  const lines = lineByCode(table.records, table.rowNumbers);

  for (const row of rows) {
    const line = lines.get(row.code) ?? 0;
    const fail = (column: string, reason: string) => errors.push({ row: line, column, reason });
    checkLength(row.code, 64, 'code', 'Koden', fail);
    checkLength(row.name, 200, 'name', 'Namnet', fail);
    const current = existing.get(row.code);
    if (current && current.kind !== row.kind) {
      fail('kind', `Organisationen '${current.code}' finns redan som ${current.kind}; typen kan inte ändras: ange ${current.kind}`);
    }
    let associationId: string | null = null;
    if (row.association !== null) {
      const target = inFile.get(row.association) ?? existing.get(row.association);
      if (!target) {
        // A förbund on a row that failed its own checks has its error already.
        if (!rawCodes.get(row.association)) {
          fail('association', `Okänt förbund${echo(row.association)}: ange koden för ett samordningsförbund som finns, eller lägg till det i filen`);
        }
      } else if (target.kind !== 'association') {
        fail('association', `'${target.code}' är inte ett samordningsförbund: ange koden för ett förbund (kind association)`);
      } else {
        associationId = ids.get(target.code) ?? existing.get(target.code)?.id ?? null;
      }
    }
    const id = idOf(row);
    const next: Org = { id, code: current?.code ?? row.code, name: row.name, kind: row.kind, org_number: row.orgNumber };
    const joins = associationId !== null && !memberships.has(`${associationId}:${id}`);
    if (joins) newMembers.push({ association_id: associationId!, organisation_id: id });
    if (!current) {
      inserts.push(next);
      counts.created++;
    } else if (current.name !== next.name || current.org_number !== next.org_number) {
      updates.push(next);
      counts.updated++;
    } else if (joins) counts.updated++;
    else counts.unchanged++;
  }
  if (errors.length > 0) return { errors, counts, audit: [], denied: [] };

  await insertChunks(db, 'organisations', inserts);
  await updateRows(db, 'organisations', [column<Org>('name', 'text'), column<Org>('org_number', 'text')], updates);
  await insertChunks(db, 'association_members', newMembers);
  return { errors: [], counts, audit: [], denied: [] };
}
