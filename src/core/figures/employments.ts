// The employments of the key-figures report (domain.md, "Key figures report": `employments` and
// `persons_employed`), assembled from the figures of activities.ts (the oracle) or from the rows
// counted in SQL (server/reports/case-figures.repository.ts), so both paths give one shape.
import { codeLists, labelOf, type Gender } from '../code-lists.js';
import type { EmploymentsStarted, TypeCounts } from './activities.js';
import { countsFromRows, noCounts, type GenderCounts } from './counts.js';

export type EmploymentTables = { started: EmploymentsStarted[]; persons: { types: TypeCounts[]; total: GenderCounts } };

/** Rows counted in SQL: started by type × gender × extension, persons by type × gender, persons in total by gender. */
export type EmploymentRows = {
  started: readonly { key: string; gender: Gender; n: number; extension: boolean }[];
  byType: readonly { key: string; gender: Gender; n: number }[];
  total: readonly { gender: Gender; n: number }[];
};

export function employmentFiguresFromRows(rows: EmploymentRows): EmploymentTables {
  const sum = (type: string, extension: boolean) => rows.started.filter((r) => r.key === type && r.extension === extension).reduce((s, r) => s + r.n, 0);
  const started = countsFromRows(codeLists.employment_type, rows.started).map((row) => ({ ...row, new: sum(row.type, false), extension: sum(row.type, true) }));
  const [total] = countsFromRows([{ code: 'total' }], rows.total.map((r) => ({ key: 'total', ...r })));
  const { type: _, ...totalCounts } = total ?? { type: 'total', ...noCounts() };
  return { started, persons: { types: countsFromRows(codeLists.employment_type, rows.byType), total: totalCounts } };
}

const counts = ({ woman, man, other, total }: GenderCounts) => ({ woman, man, other, total });

/** Every employment type with at least one started or active employment, in code-list order, and the persons employed. */
export function employmentsSection({ started, persons }: EmploymentTables) {
  const known = codeLists.employment_type.map((e) => e.code as string);
  const types = [...new Set([...started.map((s) => s.type), ...persons.types.map((p) => p.type)])].sort((a, b) => known.indexOf(a) - known.indexOf(b));
  return {
    employments: types.map((type) => {
      const s = started.find((x) => x.type === type);
      const p = persons.types.find((x) => x.type === type);
      return {
        type,
        label: labelOf('employment_type', type) ?? type,
        started: { ...counts(s ?? noCounts()), new: s?.new ?? 0, extension: s?.extension ?? 0 },
        persons: counts(p ?? noCounts()),
      };
    }),
    persons_employed: counts(persons.total),
  };
}
