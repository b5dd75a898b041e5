import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../test/catalogue.js';
import { readDeclaredTables, typeMismatches } from '../../test/database-types.js';
import { databaseFixture } from '../../test/fixture.js';

// db/types.ts is written by hand. This test migrates a fresh database and compares it with the
// Database interface: every table and column, and whether a SELECT can return null.

const typesFile = fileURLToPath(new URL('./types.ts', import.meta.url));

const t = databaseFixture();

describe('db/types.ts against the migrated database', () => {
  it('declares every table and column, nullable exactly where the database is', async () => {
    expect(typeMismatches(await readCatalogue(t.db), readDeclaredTables(typesFile))).toEqual([]);
  });

  it('fails when a migration adds a column, or a table, that types.ts lacks', async () => {
    await sql`alter table teams add column colour text`.execute(t.db);
    await sql`create table scratch_new (id int primary key, note text not null)`.execute(t.db);
    try {
      expect(typeMismatches(await readCatalogue(t.db), readDeclaredTables(typesFile))).toEqual([
        'scratch_new: table not in Database (db/types.ts)',
        'teams.colour: column not in db/types.ts (text, nullable)',
      ]);
    } finally {
      await sql`alter table teams drop column colour`.execute(t.db);
      await sql`drop table scratch_new`.execute(t.db);
    }
  });

  it('fails on a declared column the database lacks, and on nullability either way', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-types-'));
    try {
      const edit = (text: string, pattern: RegExp, replacement: string) => {
        expect(text, `types.ts changed: ${pattern} no longer matches; adapt this test`).toMatch(pattern);
        return text.replace(pattern, replacement);
      };
      let edited = fs.readFileSync(typesFile, 'utf8');
      edited = edit(edited, /(export interface TeamsTable \{[^}]*?)name: string;/, '$1name: string | null;\n  motto: string;');
      edited = edit(edited, /(export interface InterventionsTable \{[^}]*?)end_date: string \| null;/, '$1end_date: string;');
      const file = path.join(dir, 'types.ts');
      fs.writeFileSync(file, edited);
      expect(typeMismatches(await readCatalogue(t.db), readDeclaredTables(file))).toEqual([
        'interventions.end_date: nullable in the database, not in db/types.ts',
        'teams.motto: in db/types.ts, not in the database',
        'teams.name: NOT NULL in the database, nullable in db/types.ts',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
