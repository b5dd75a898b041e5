import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personalDataTables } from '../../server/access/personal-data.js';
import { findTableMentions, type TableMention } from './person-data-queries.js';

// Person data is read and written only in repositories, where the access rule (access/scope.ts)
// is part of every query; a service or route that queries a person-data table could forget it.
// Tables: the personal-data registry (access/personal-data.ts).

const root = path.resolve(import.meta.dirname, '../../..');
const serverDir = path.join(root, 'src/server');

/** Outside repositories, and legitimately so. */
const legitimate: Record<string, string> = {
  // The access rule itself: SQL conditions on consents and persons that repositories embed.
  'src/server/access/': 'the access rule, as SQL, that every repository query includes',
  // Connections, migrations and the schema: the layer that defines the tables.
  'src/server/db/': 'the database layer',
  // The audit writer is the one writer of audit_events, inside the caller's transaction.
  'src/server/audit/audit.ts': 'writeAudit, the audit repository in all but name',
  // The database recomputes the hash chain; only counts, ids and hashes come back, never a row.
  'src/server/audit/audit-chain.service.ts': 'the chain verifier reads hashes, not contents',
  'src/server/audit/audit-sealer.ts': 'the sealer chains hashes, never contents',
  // Demo data is generated on an empty embedded database at the first start and by `stegvis demo`:
  // no request, no actor, so there is no scope to apply.
  'src/server/demo/': 'demo data on an empty database, never for a request',
};

const scanned = (file: string) =>
  file.endsWith('.ts') &&
  !file.endsWith('.test.ts') &&
  !file.endsWith('.repository.ts') &&
  !file.startsWith('src/server/db/migrations/') &&
  file !== 'src/server/db/types.ts';

function mentionsOutsideRepositories(): TableMention[] {
  const files = (fs.readdirSync(serverDir, { recursive: true }) as string[])
    .map((file) => path.posix.join('src/server', file.split(path.sep).join('/')))
    .filter(scanned)
    .sort();
  return files.flatMap((file) => findTableMentions(file, fs.readFileSync(path.join(root, file), 'utf8'), personalDataTables));
}

const show = (m: TableMention) => `${m.file}:${m.line} ${m.how}`;

describe('person-data tables are queried only in repositories', () => {
  const mentions = mentionsOutsideRepositories();
  const isLegitimate = (m: TableMention) => Object.keys(legitimate).some((prefix) => m.file.startsWith(prefix));

  it('finds no query of a person-data table outside a repository', () => {
    const violations = mentions.filter((m) => !isLegitimate(m)).map(show);
    expect(violations, 'move these queries into a *.repository.ts that applies the access rule').toEqual([]);
  });

  it('reads the registry: every person-data table is checked', () => {
    expect(personalDataTables).toEqual(expect.arrayContaining(['persons', 'enrolments', 'consents', 'consent_parties', 'audit_events']));
  });
});

describe('findTableMentions', () => {
  const tables = ['persons', 'enrolments', 'consents'];
  const lines = (source: string) => findTableMentions('x.ts', source, tables).map((m) => `${m.line} ${m.table} ${m.how}`);

  it('finds Kysely queries by their table, aliased or not, in joins and writes', () => {
    const source = [
      "db.selectFrom('persons as p').selectAll();",
      "db.selectFrom('interventions as i').innerJoin('enrolments as e', 'e.intervention_id', 'i.id');",
      "trx.updateTable('persons').set({ first_name: null });",
      "trx.insertInto('consents').values(row);",
      "trx.deleteFrom('enrolments').where('id', '=', id);",
      "db.selectFrom(['persons as p', 'teams as t']).leftJoin('consents as c', 'c.person_id', 'p.id');",
    ].join('\n');
    expect(lines(source)).toEqual([
      "1 persons selectFrom('persons as p')",
      "2 enrolments innerJoin('enrolments as e')",
      "3 persons updateTable('persons')",
      "4 consents insertInto('consents')",
      "5 enrolments deleteFrom('enrolments')",
      "6 persons selectFrom('persons as p')",
      "6 consents leftJoin('consents as c')",
    ]);
  });

  it('finds raw SQL, in templates and strings, whatever the case and quoting', () => {
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: the strings are TypeScript source, templates included
    const source = [
      'sql`select 1 from persons p where p.id = ${id}`;',
      'sql`select * from teams t\n  JOIN "enrolments" e on e.team_id = t.id`;',
      "const text = 'update public.consents set withdrawn_at = now()';",
      'sql`insert into enrolments ${values}`;',
      'sql`select ${sql.table("consents")}`;',
    ].join('\n');
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: the strings are TypeScript source, templates included
    expect(lines(source)).toEqual([
      '1 persons from persons',
      '2 enrolments JOIN "enrolments"',
      '4 consents update public.consents',
      '5 enrolments into enrolments',
      "6 consents table('consents')",
    ]);
  });

  it('ignores comments, other tables and words that only start like a table', () => {
    const source = [
      '// Reads from persons only through the repository.',
      '/* join enrolments */',
      "db.selectFrom('personsettings').selectAll();",
      'sql`select * from persons_archive`;',
      "db.selectFrom('teams').selectAll();",
    ].join('\n');
    expect(lines(source)).toEqual([]);
  });
});
