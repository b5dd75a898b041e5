// interventions.csv against the database: matched by code; owner and association must be known
// organisations (the association one of kind association). The owner is the controller of every
// record in the intervention (data-protection model 1), so it cannot change once records exist.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { echo } from '../../core/echo.js';
import type { CsvTable } from '../../core/import/csv.js';
import { validateInterventions } from '../../core/import/rows.js';
import { interventionImportRights, mayImportIntervention } from '../access/import-policy.js';
import type { Db } from '../db/connection.js';
import type { InterventionsTable } from '../db/types.js';
import { column, insertChunks, updateRows, type Column } from './bulk.repository.js';
import { CodeIndex } from './code-index.js';
import { interventionsWithRecords } from './intervention-lookups.repository.js';
import { checkLength, lineByCode } from './limits.js';
import { noCounts, type ImportOptions, type StepResult } from './import.types.js';

type Intervention = Insertable<InterventionsTable> & { id: string };

const FIELDS = [
  'name', 'owner_org_id', 'association_id', 'start_date', 'end_date', 'orientation', 'follow_up', 'follow_up_method', 'places', 'volume_target',
] as const;
const COLUMNS: Column<Intervention>[] = [
  column('name', 'text'),
  column('owner_org_id', 'uuid'),
  column('association_id', 'uuid'),
  column('start_date', 'date'),
  column('end_date', 'date'),
  column('orientation', 'text'),
  column('follow_up', 'text'),
  column('follow_up_method', 'text'),
  column('places', 'int'),
  column('volume_target', 'int'),
];

export async function importInterventionTable(db: Db, table: CsvTable, opts: ImportOptions): Promise<StepResult> {
  const { rows, errors } = validateInterventions(table);
  const organisations = new CodeIndex(await db.selectFrom('organisations').select(['id', 'code', 'kind']).execute());
  const existing = new CodeIndex(await db.selectFrom('interventions').selectAll().execute());
  const ownerChanges = rows.flatMap((row) => {
    const current = existing.get(row.code);
    const owner = organisations.get(row.owner);
    return current && owner && current.owner_org_id !== owner.id ? [current.id] : [];
  });
  const withRecords = await interventionsWithRecords(db, ownerChanges);
  const lines = lineByCode(table.records, table.rowNumbers);
  const inserts: Intervention[] = [];
  const updates: Intervention[] = [];
  const counts = noCounts();
  const rights = interventionImportRights(opts.scope);

  for (const row of rows) {
    const fail = (column: string, reason: string) => errors.push({ row: lines.get(row.code) ?? 0, column, reason });
    checkLength(row.code, 64, 'code', 'Koden', fail);
    checkLength(row.name, 200, 'name', 'Namnet', fail);
    const owner = organisations.get(row.owner);
    if (!owner) fail('owner', `Okänd organisation${echo(row.owner)}: ange koden för en organisation som finns (importera organisations.csv först)`);
    const association = row.association === null ? null : organisations.get(row.association);
    if (association === undefined) {
      fail('association', `Okänt förbund${echo(row.association ?? '')}: ange koden för ett samordningsförbund som finns, eller lämna tomt`);
    } else if (association && association.kind !== 'association') {
      fail('association', `'${association.code}' är inte ett samordningsförbund: ange koden för ett förbund (kind association)`);
    }
    const current = existing.get(row.code);
    if (!mayImportIntervention(rights, owner?.id, current)) {
      fail('owner', 'Du kan bara importera insatser som din egen organisation äger, eller ändra insatser där du är insatsansvarig');
    }
    if (current && owner && current.owner_org_id !== owner.id && withRecords.has(current.id)) {
      fail('owner', `Insatsen '${current.code}' har redan registreringar och kan inte byta ägare: ägaren är personuppgiftsansvarig för dem`);
    }
    if (!owner || association === undefined) continue;
    const next: Intervention = {
      id: current?.id ?? randomUUID(),
      code: current?.code ?? row.code,
      name: row.name,
      owner_org_id: owner.id,
      association_id: association?.id ?? null,
      start_date: row.startDate,
      end_date: row.endDate,
      orientation: row.orientation,
      follow_up: row.followUp,
      // Left out or empty: a stored intervention keeps its method (it may have been set in the browser).
      follow_up_method: row.followUpMethod ?? current?.follow_up_method ?? 'stegvis',
      places: row.places,
      volume_target: row.volumeTarget,
    };
    if (!current) {
      inserts.push(next);
      counts.created++;
    } else if (FIELDS.some((field) => (current[field] ?? null) !== (next[field] ?? null))) {
      updates.push(next);
      counts.updated++;
    } else counts.unchanged++;
  }
  if (errors.length > 0) return { errors, counts, audit: [], denied: [] };

  await insertChunks(db, 'interventions', inserts);
  await updateRows(db, 'interventions', COLUMNS, updates);
  return { errors: [], counts, audit: [], denied: [] };
}
