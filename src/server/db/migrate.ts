import { Migrator, sql, type Kysely } from 'kysely';
import { codeLists } from '../../core/code-lists.js';
import { migrations } from './migrations/index.js';
import { seedBuiltInTemplates } from '../report-documents/templates.seed.js';
import { seedBuiltInQuestionnaire } from '../surveys/built-in.seed.js';

/** Applies pending migrations, then adds code-list entries, the built-in questionnaire and report templates shipped in core that are missing. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // A restart of an up-to-date database: one query instead of the migrator's own round trips.
  if (await upToDate(db)) {
    await seedCodeLists(db);
    await seedBuiltInQuestionnaire(db);
    await seedBuiltInTemplates(db);
    return [];
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  await seedCodeLists(db);
  await seedBuiltInQuestionnaire(db);
  await seedBuiltInTemplates(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Every migration of this build is applied, and no other (else the migrator runs and judges). */
export async function upToDate(db: Kysely<any>): Promise<boolean> {
  const table = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  // No migration table yet: a new database.
  if (!table.rows[0]?.t) return false;
  const applied = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((row) => row.name).sort();
  const names = Object.keys(migrations).sort();
  return applied.length === names.length && applied.every((name, i) => name === names[i]);
}

async function seedCodeLists(db: Kysely<any>): Promise<void> {
  const rows = Object.entries(codeLists).flatMap(([list, entries]) =>
    entries.map((entry: { code: string; label: string; group?: string }, index: number) => ({
      list,
      code: entry.code,
      label: entry.label,
      group_code: entry.group ?? null,
      sort_order: index + 1,
    })),
  );
  await db
    .insertInto('code_list_entries')
    .values(rows)
    // New codes are added; labels and validity a system administrator changed are kept.
    .onConflict((oc) => oc.columns(['list', 'code']).doNothing())
    .execute();
}
