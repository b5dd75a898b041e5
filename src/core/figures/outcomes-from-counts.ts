// Assembles the outcomes report from counts already aggregated elsewhere (the SQL report).
// computeOutcomes in outcomes.ts counts the same figures from single facts and is the oracle
// the SQL path is tested against.
import { codeLists, isWorkOrStudiesExit, labelOf, type Gender } from '../code-lists.js';
import type { Period } from '../dates.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import { suppressOutcomes } from '../suppression.js';
import { defaultOutcomesRules, share, type OutcomesRules, type OutcomesScope } from './outcomes.js';

export type GenderCount = { gender: Gender; count: number };
export type FlowCount = GenderCount & { under30: number };
export type ExitCount = GenderCount & { reason: string };

export type OutcomesCounts = {
  enrolled: FlowCount[];
  active: FlowCount[];
  exited: FlowCount[];
  anonymous: GenderCount[];
  /** Exits in P by reason and gender, registration errors already left out. */
  exits: ExitCount[];
};

const zero = () => ({ woman: 0, man: 0, other: 0, total: 0 });

function byGender(rows: readonly GenderCount[]) {
  const counts = zero();
  for (const row of rows) {
    counts[row.gender] += row.count;
    counts.total += row.count;
  }
  return counts;
}

const flowLine = (rows: readonly FlowCount[]) => ({
  ...byGender(rows),
  under_30: rows.reduce((sum, row) => sum + row.under30, 0),
});

export function outcomesFromCounts(input: {
  scope: OutcomesScope;
  period: Period;
  rules?: Partial<OutcomesRules>;
  counts: OutcomesCounts;
}): OutcomesReport {
  const rules = { ...defaultOutcomesRules, ...input.rules };
  const { counts } = input;
  const exited = byGender(counts.exits);
  const order: string[] = codeLists.exit_reason.map((entry) => entry.code);
  const reasons = [...new Set(counts.exits.map((row) => row.reason))].sort(
    (a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b),
  );
  const hits = byGender(counts.exits.filter((row) => isWorkOrStudiesExit(row.reason, rules.subsidised_counts_as_work)));
  const cell = (gender: Gender | 'total') => ({ count: hits[gender], share: share(hits[gender], exited[gender]) });
  const report: OutcomesReport = {
    report: 'outcomes',
    version: 1,
    scope: 'intervention' in input.scope ? { intervention: input.scope.intervention } : { association: input.scope.association },
    period: { from: input.period.from, to: input.period.to },
    rules: { subsidised_counts_as_work: rules.subsidised_counts_as_work, suppression_threshold: null },
    flow: {
      enrolled: flowLine(counts.enrolled),
      active: flowLine(counts.active),
      exited: flowLine(counts.exited),
      anonymous: byGender(counts.anonymous),
    },
    exit_reasons: reasons.map((code) => {
      const line = byGender(counts.exits.filter((row) => row.reason === code));
      return { code, label: labelOf('exit_reason', code) ?? code, ...line, share: share(line.total, exited.total) };
    }),
    work_or_studies: { woman: cell('woman'), man: cell('man'), other: cell('other'), total: cell('total') },
  };
  return rules.suppression_threshold === null ? report : suppressOutcomes(report, rules.suppression_threshold);
}

/** Code-list order; a retired code not in the list sorts after every listed one. */
const rank = (order: string[], code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
