import ts from 'typescript';

/** A query naming a person-data table, found in a source file. */
export type TableMention = { file: string; line: number; table: string; how: string };

/** Kysely methods whose first argument names the table(s) a query reads or writes. */
const queryMethods = new Set([
  'selectFrom',
  'updateTable',
  'insertInto',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'using',
  // sql.table('persons') in raw SQL.
  'table',
]);

/** `from persons`, `join public."persons" p`, `update persons`, `into persons`, `table persons` in raw SQL. */
const rawSql = (tables: readonly string[]) =>
  new RegExp(`\\b(from|join|update|into|table)\\s+(?:"?public"?\\.)?"?(${tables.join('|')})"?(?![\\w.])`, 'gi');

/** The table a Kysely table expression names: `'persons'`, `'persons as p'`, `'public.persons'`. */
const tableOf = (expression: string) => expression.trim().split(/\s+as\s+/i)[0].replace(/^public\./, '');

/**
 * Every place a TypeScript source names one of `tables` in a query: as the table of a Kysely query
 * builder call, or in the text of raw SQL. Comments are not read; strings outside queries are, for
 * raw SQL, so an English sentence "… from persons" in a string counts too (rename the sentence).
 */
export function findTableMentions(file: string, source: string, tables: readonly string[]): TableMention[] {
  const found: (TableMention & { at: number })[] = [];
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const add = (node: ts.Node, table: string, how: string) =>
    found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1, table, how, at: node.getStart(sourceFile) });
  const pattern = rawSql(tables);

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && queryMethods.has(node.expression.name.text)) {
      const [first] = node.arguments;
      const literals = first && ts.isArrayLiteralExpression(first) ? first.elements : first ? [first] : [];
      for (const literal of literals) {
        if (ts.isStringLiteralLike(literal) && tables.includes(tableOf(literal.text))) {
          add(literal, tableOf(literal.text), `${node.expression.name.text}('${literal.text}')`);
        }
      }
    }
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      for (const match of node.text.matchAll(pattern)) add(node, match[2].toLowerCase(), match[0].replace(/\s+/g, ' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.sort((a, b) => a.at - b.at).map(({ at: _, ...mention }) => mention);
}
