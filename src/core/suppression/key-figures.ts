// Small-cell suppression of the key-figures report (domain.md, data protection 7) for readers
// outside the controlling organisation. The outcomes part (flow lines, work or studies) is taken
// as the outcomes report publishes it for the same period — decided with its family of calendar
// periods (figures/outcomes-family.ts) — so the two reports together give nothing more away.
// The other figures are decided here, conservatively:
// - exit groups: a cell is shown only when every exit-reason cell it sums is shown in the
//   outcomes report (so it tells nothing new); a group's under 30 is always withheld;
// - unique participants: the gender line with its total as a table (primary and secondary);
//   under 30 only when it and the rest are 0 or ≥ k and the total is shown;
// - completion: completed and not completed both 0 or ≥ k, else both withheld;
// - occupancy: withheld when the mean is above 0 and below k;
// - outcomes by age band: bands × (to work or studies, other exits) as a table whose margins
//   are the published totals;
// - employments: started and persons each a table of types × gender with its margins; new and
//   extension (which sum to started) only when started is shown whole and both are 0 or ≥ k;
//   persons employed as a gender line with its total.
import type { KeyFiguresReport } from '../schemas/key-figures-report.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';
import { suppressTable } from '../suppression.js';
import { exitGroupOf, roundedShare } from '../figures/key-figures.js';

const genderKeys = ['woman', 'man', 'other', 'total'] as const;
type GenderKey = (typeof genderKeys)[number];

const isSmall = (value: number, k: number) => value > 0 && value < k;

function withNulls<T extends object>(object: T, keys: readonly string[]): T & { suppressed?: string[] } {
  if (keys.length === 0) return object;
  const out = { ...object } as Record<string, unknown>;
  for (const key of keys) out[key] = null;
  return { ...(out as T), suppressed: [...keys] };
}

/** A published share rounded to 4 decimals from its published count and denominator. */
const shareOf = (count: number | null, denominator: number | null, raw: number | null) =>
  count === null || denominator === null || raw === null ? null : roundedShare(count, denominator);

export function suppressKeyFigures(exact: KeyFiguresReport, outcomes: OutcomesReport, k: number): KeyFiguresReport {
  const flow = outcomes.flow;
  const wos = outcomes.work_or_studies;
  const wosCell = (g: GenderKey) => ({ count: wos[g].count, share: shareOf(wos[g].count, flow.exited[g], wos[g].share) });
  const workOrStudies = {
    woman: wosCell('woman'),
    man: wosCell('man'),
    other: wosCell('other'),
    total: wosCell('total'),
    ...(wos.suppressed && { suppressed: wos.suppressed }),
  };

  const unique = exact.flow.unique_participants;
  const uniqueMask = suppressTable({ rows: [[unique.woman!, unique.man!, unique.other!]] }, k);
  const uniqueHidden: string[] = genderKeys.filter((_, i) => (i < 3 ? uniqueMask.rows[0][i] : uniqueMask.rowTotals[0]));
  if (uniqueHidden.includes('total') || isSmall(unique.under_30!, k) || isSmall(unique.total! - unique.under_30!, k)) uniqueHidden.push('under_30');
  const uniqueOut = withNulls(unique, uniqueHidden);

  const participants = uniqueOut.total === null || flow.anonymous.total === null ? null : exact.volume.participants;
  const volume = withNulls(
    { ...exact.volume, participants, share: participants === null ? null : exact.volume.share },
    participants === null ? ['participants', ...(exact.volume.share === null ? [] : ['share'])] : [],
  );

  const c = exact.completion;
  const completionHidden = isSmall(c.completed!, k) || isSmall(c.recorded! - c.completed!, k);
  const completion = completionHidden ? withNulls(c, ['completed', 'recorded', ...(c.share === null ? [] : ['share'])]) : c;

  const o = exact.occupancy;
  const occupancy = o.mean_active !== null && isSmall(o.mean_active, k) ? withNulls(o, ['mean_active', ...(o.rate === null ? [] : ['rate'])]) : o;

  const reasonShown = (group: string, g: GenderKey) =>
    outcomes.exit_reasons.filter((r) => exitGroupOf(r.code) === group).every((r) => r[g] !== null);
  const exitGroups = exact.exit_groups.map((row) => withNulls(row, [...genderKeys.filter((g) => !reasonShown(row.group, g)), 'under_30']));

  const bands = exact.work_or_studies_by_age_band;
  const bandMask = suppressTable({ rows: bands.map((b) => [b.count!, b.exited! - b.count!]) }, k);
  const workOrStudiesByAgeBand = bands.map((b, i) => {
    const keys = [...(bandMask.rowTotals[i] ? ['exited'] : []), ...(bandMask.rows[i][0] || bandMask.rows[i][1] ? ['count'] : [])];
    if (keys.length > 0 && b.share !== null) keys.push('share');
    return withNulls(b, keys);
  });

  return {
    ...exact,
    ...suppressEmployments(exact, k),
    rules: { ...exact.rules, suppression_threshold: k },
    flow: { enrolled: flow.enrolled, active: flow.active, exited: flow.exited, anonymous: flow.anonymous, unique_participants: uniqueOut },
    volume,
    occupancy,
    completion,
    exit_groups: exitGroups,
    work_or_studies: workOrStudies,
    work_or_studies_by_age_band: workOrStudiesByAgeBand,
  };
}

/** The gender cells (and total) of each row a table mask hides. */
const hiddenOf = (mask: ReturnType<typeof suppressTable>, i: number): string[] => genderKeys.filter((_, j) => (j < 3 ? mask.rows[i]![j] : mask.rowTotals[i]));

function suppressEmployments(exact: KeyFiguresReport, k: number): Pick<KeyFiguresReport, 'employments' | 'persons_employed'> {
  const rows = exact.employments;
  const p = exact.persons_employed;
  const total = suppressTable({ rows: [[p.woman!, p.man!, p.other!]] }, k);
  const personsEmployed = withNulls(p, hiddenOf(total, 0));
  if (rows.length === 0) return { employments: [], persons_employed: personsEmployed };
  const table = (of: (e: (typeof rows)[number]) => { woman: number | null; man: number | null; other: number | null }) =>
    suppressTable({ rows: rows.map((e) => [of(e).woman!, of(e).man!, of(e).other!]) }, k);
  const started = table((e) => e.started);
  const persons = table((e) => e.persons);
  const employments = rows.map((e, i) => {
    const startedHidden = hiddenOf(started, i);
    if (startedHidden.length > 0 || isSmall(e.started.new!, k) || isSmall(e.started.extension!, k)) startedHidden.push('new', 'extension');
    return { ...e, started: withNulls(e.started, startedHidden), persons: withNulls(e.persons, hiddenOf(persons, i)) };
  });
  return { employments, persons_employed: personsEmployed };
}
