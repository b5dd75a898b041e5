import { Migrator, type Kysely } from 'kysely';
import { codeLists } from '../../core/code-lists.js';
import { migrations } from './migrations/index.js';

/** Applies pending migrations, then adds code-list entries shipped in core that are missing. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  await seedCodeLists(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
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
