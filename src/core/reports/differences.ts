// "Fruset värde / värde i dag" (issue 12, item 6): what later registrations changed in the
// figure tables of a frozen report.
import type { ReportCell, ReportColumnKind, ReportDocument, ReportTable } from './document.js';
import { figureContents, type TemplateSection } from './templates.js';

export type Difference = {
  section: string;
  table: string;
  /** The row's label: its first column. */
  row: string;
  column: string;
  /** How the column's numbers are shown. */
  kind: ReportColumnKind;
  frozen: ReportCell;
  today: ReportCell;
  /** today − frozen when both are numbers; null otherwise (a value appeared, vanished or was hidden). */
  difference: number | null;
};

const same = (a: ReportCell, b: ReportCell) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Every cell of the figure sections (template contents flow, results, goals, budget, costs) whose
 * value today differs from the frozen one. Both documents are filled from the same template
 * sections, so sections match by position, tables by caption and rows by their label; a row
 * only one of them has counts as all its values differing from "no value".
 */
export function differencesBetween(sections: TemplateSection[], frozen: ReportDocument, today: ReportDocument): Difference[] {
  const found: Difference[] = [];
  sections.forEach((section, index) => {
    if (!figureContents.includes(section.content)) return;
    const tablesToday = tablesOf(today, index);
    for (const was of tablesOf(frozen, index)) {
      const now = tablesToday.find((t) => t.caption === was.caption);
      if (!now) continue;
      const label = was.columns[0].key;
      const rowsByLabel = (t: ReportTable) => new Map(t.rows.map((r) => [String(r[label] ?? ''), r]));
      const before = rowsByLabel(was);
      const after = rowsByLabel(now);
      for (const row of new Set([...before.keys(), ...after.keys()])) {
        for (const column of was.columns.slice(1)) {
          const frozenCell = before.get(row)?.[column.key] ?? null;
          const todayCell = after.get(row)?.[column.key] ?? null;
          if (same(frozenCell, todayCell)) continue;
          const difference = typeof frozenCell === 'number' && typeof todayCell === 'number' ? Math.round((todayCell - frozenCell) * 10_000) / 10_000 : null;
          found.push({ section: section.heading, table: was.caption, row, column: column.label, kind: column.kind, frozen: frozenCell, today: todayCell, difference });
        }
      }
    }
  });
  return found;
}

function tablesOf(document: ReportDocument, index: number): ReportTable[] {
  return (document.sections[index]?.blocks ?? []).flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}
