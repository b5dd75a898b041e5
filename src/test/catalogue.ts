import { sql, type Kysely } from 'kysely';

/** One column of a table in the database's catalogue. */
export type CatalogueColumn = { table: string; column: string; nullable: boolean; type: string };

/** The tables of the migrated database: table name → its columns, in their order. */
export type Catalogue = Map<string, CatalogueColumn[]>;

/** Reads the base tables (no views, no other schemas) of the current schema from information_schema. */
export async function readCatalogue(db: Kysely<any>): Promise<Catalogue> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string; udt_name: string }>`
    select c.table_name, c.column_name, c.is_nullable, c.udt_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const catalogue: Catalogue = new Map();
  for (const row of rows) {
    const columns = catalogue.get(row.table_name) ?? [];
    columns.push({ table: row.table_name, column: row.column_name, nullable: row.is_nullable === 'YES', type: row.udt_name });
    catalogue.set(row.table_name, columns);
  }
  return catalogue;
}
