import fs from 'node:fs';
import ts from 'typescript';
import type { Catalogue } from './catalogue.js';

/** A column as the hand-written Kysely `Database` interface declares it; nullable null: `unknown` or `any`, either fits. */
export type DeclaredColumn = { column: string; nullable: boolean | null };

/** Tables the migrator owns; the application never queries them. */
const migratorTables = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Reads `interface Database { table: TableInterface }` and each table interface of a types file.
 * Nullable: the type a SELECT returns includes `null` (`Generated<T>` and `ColumnType<S, I, U>`
 * unwrap to T and S; type aliases of the same file are followed).
 */
export function readDeclaredTables(file: string): Map<string, DeclaredColumn[]> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type);
  }

  const includesNull = (type: ts.TypeNode, seen: Set<string> = new Set()): boolean => {
    if (type.kind === ts.SyntaxKind.UnknownKeyword || type.kind === ts.SyntaxKind.AnyKeyword) return true;
    if (ts.isParenthesizedTypeNode(type)) return includesNull(type.type, seen);
    if (ts.isLiteralTypeNode(type)) return type.literal.kind === ts.SyntaxKind.NullKeyword;
    if (ts.isUnionTypeNode(type)) return type.types.some((member) => includesNull(member, seen));
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const name = type.typeName.text;
      // Generated<T>: T; ColumnType<Select, Insert, Update>: what a SELECT returns.
      if ((name === 'Generated' || name === 'ColumnType') && type.typeArguments?.[0]) return includesNull(type.typeArguments[0], seen);
      const alias = aliases.get(name);
      if (alias && !seen.has(name)) return includesNull(alias, new Set([...seen, name]));
    }
    return false;
  };

  const database = interfaces.get('Database');
  if (!database) throw new Error(`${file}: no interface Database`);
  const tables = new Map<string, DeclaredColumn[]>();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type) || !ts.isIdentifier(member.type.typeName)) {
      throw new Error(`${file}: Database member ${member.getText(source)} is not \`table: TableInterface\``);
    }
    const table = member.name.getText(source).replace(/^['"]|['"]$/g, '');
    const declaration = interfaces.get(member.type.typeName.text);
    if (!declaration) throw new Error(`${file}: ${member.type.typeName.text} (table ${table}) is not an interface in this file`);
    tables.set(
      table,
      declaration.members.filter(ts.isPropertySignature).map((column) => ({
        column: column.name.getText(source).replace(/^['"]|['"]$/g, ''),
        nullable: !column.type || column.type.kind === ts.SyntaxKind.UnknownKeyword || column.type.kind === ts.SyntaxKind.AnyKeyword ? null : includesNull(column.type),
      })),
    );
  }
  return tables;
}

/** Every difference between the migrated database and the declared types: one sentence each. */
export function typeMismatches(catalogue: Catalogue, declared: Map<string, DeclaredColumn[]>): string[] {
  const problems: string[] = [];
  for (const [table, columns] of catalogue) {
    if (migratorTables.has(table)) continue;
    const declaredColumns = declared.get(table);
    if (!declaredColumns) {
      problems.push(`${table}: table not in Database (db/types.ts)`);
      continue;
    }
    for (const column of columns) {
      const d = declaredColumns.find((c) => c.column === column.column);
      if (!d) problems.push(`${table}.${column.column}: column not in db/types.ts (${column.type}${column.nullable ? ', nullable' : ''})`);
      else if (d.nullable !== null && d.nullable !== column.nullable) {
        problems.push(`${table}.${column.column}: ${column.nullable ? 'nullable in the database, not in db/types.ts' : 'NOT NULL in the database, nullable in db/types.ts'}`);
      }
    }
    for (const d of declaredColumns) {
      if (!columns.some((c) => c.column === d.column)) problems.push(`${table}.${d.column}: in db/types.ts, not in the database`);
    }
  }
  for (const table of declared.keys()) {
    if (!catalogue.has(table)) problems.push(`${table}: in db/types.ts, not in the database`);
  }
  return problems.sort();
}
