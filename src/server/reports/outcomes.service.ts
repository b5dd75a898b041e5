import { createHash } from 'node:crypto';
import { outcomesFromCounts, type OutcomesCounts } from '../../core/figures/outcomes-from-counts.js';
import { familyKeysOf, suppressedOutcomes, type DecidedFamily, type FamilyMemo, type OutcomesHistory } from '../../core/figures/outcomes-family.js';
import type { OutcomesReport, OutcomesScope } from '../../core/figures/outcomes.js';
import { alignedPeriodsMessage, calendarPeriodName, calendarPeriodOf, parseCalendarPeriod, projectInMonths, rangeOf, type CalendarPeriod } from '../../core/figures/periods.js';
import type { Period } from '../../core/dates.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/connection.js';
import { badRequest, notFound } from '../errors.js';
import { countHistory, countHistoryByIntervention, countOutcomes, historyDigestsOf, resolveAndCountIntervention, resolveOutcomesScope, type AssignedTo, type ResolvedOutcomesScope } from './outcomes.repository.js';
import { findDecisions, findPeriodOfYears, storeDecisions, type NewDecision } from './suppression-decisions.repository.js';

export type OutcomesInput = {
  scope: OutcomesScope;
  /** A date range, or a calendar period by name: `2025`, `2025-T2`, `2025-03`, `project`. */
  period: Period | string;
  /** Apply the small-cell rule (domain.md, data-protection model 7). */
  suppress: boolean;
  threshold?: number;
  subsidisedCountsAsWork?: boolean;
};

/**
 * Whole decided families (core/figures/outcomes-family.ts) of the last histories asked about,
 * in process: the project period needs what they determine. The calendar periods' decisions are
 * kept in the database (suppression_decisions). Keys hash the whole input of a family, so changed
 * data can never meet an old answer.
 */
const familyCache = new Map<string, unknown>();
const FAMILY_CACHE_SIZE = 64;
export function memoFor(key: string, decisions?: FamilyMemo['decisions']): FamilyMemo {
  return {
    key,
    get: (k) => {
      const value = familyCache.get(k);
      if (value !== undefined) {
        familyCache.delete(k);
        familyCache.set(k, value);
      }
      return value;
    },
    set: (k, value) => {
      familyCache.set(k, value);
      while (familyCache.size > FAMILY_CACHE_SIZE) familyCache.delete(familyCache.keys().next().value!);
    },
    decisions,
  };
}

/** Empties the process's cache of whole families (benchmarks of a cold miss). */
export function forgetDecidedFamilies(): void {
  familyCache.clear();
}

/**
 * Raised whenever the suppression's algorithm (core/suppression, outcomes-family.ts) changes what
 * it decides, so that kept decisions of an older algorithm are never served.
 */
const DECISION_VERSION = 1;

/** The key naming the whole input of a history's families: algorithm, scope, rules, k and the counted history. */
export function historyKey(scope: OutcomesScope, rules: { subsidised_counts_as_work: boolean }, k: number, history: OutcomesHistory): string {
  return createHash('sha256').update(JSON.stringify([DECISION_VERSION, scope, rules, k, history])).digest('base64url');
}

export type HistoryOf = { scope: OutcomesScope; interventionId: string | null; history: OutcomesHistory; project: Period | null };

/** A memo whose decisions are the kept ones plus those decided meanwhile (collected in `fresh` to be kept). */
function memoWith(key: string, kept: Map<string, unknown>, fresh: NewDecision[], interventionId: string | null): FamilyMemo {
  return memoFor(key, {
    get: (k) => kept.get(k) as DecidedFamily | undefined,
    set: (k, family) => {
      kept.set(k, family);
      fresh.push({ key: k, interventionId, family });
    },
  });
}

/**
 * Runs `decide` on each history with a memo of its kept families (looked up in one query), then
 * keeps every family decided meanwhile, and whatever else `decide` added to `fresh`.
 */
async function withKeptFamilies<T extends { scope: OutcomesScope; interventionId: string | null; history: OutcomesHistory }, R>(
  db: Db,
  items: readonly T[],
  years: readonly number[],
  k: number,
  rules: { subsidised_counts_as_work: boolean },
  decide: (item: T, memo: FamilyMemo, fresh: NewDecision[]) => R,
): Promise<{ results: R[]; stored: number }> {
  const keys = items.map((it) => historyKey(it.scope, rules, k, it.history));
  const kept = await findDecisions(db, items.flatMap((it, n) => familyKeysOf(it.history, k, keys[n], years)));
  const fresh: NewDecision[] = [];
  const results = items.map((it, n) => decide(it, memoWith(keys[n], kept, fresh, it.interventionId), fresh));
  await storeDecisions(db, fresh);
  return { results, stored: fresh.length };
}

/**
 * Suppressed outcomes reports of many scopes for one calendar period: the kept decisions of
 * their families looked up in one query; a family not kept yet is decided now and kept.
 */
export async function suppressedOutcomesOf(db: Db, scopes: readonly HistoryOf[], period: CalendarPeriod, k: number, subsidised: boolean): Promise<OutcomesReport[]> {
  const rules = { subsidised_counts_as_work: subsidised };
  const years = period.kind === 'project' ? [] : [period.year];
  const { results } = await withKeptFamilies(db, scopes, years, k, rules, (s, memo) =>
    suppressedOutcomes({ history: s.history, scope: s.scope, rules, period, project: s.project, k, memo }),
  );
  return results;
}

/** A calendar year's periods (the year, its tertials and its months) as published, by name: what a year's kept decision holds. */
export type YearReports = Record<string, OutcomesReport>;

/** The key of a year's kept reports: the history named by its digest, computed in the database (historyDigestsOf). */
export function yearKey(scope: OutcomesScope, rules: { subsidised_counts_as_work: boolean }, k: number, digest: string, year: number): string {
  return `${createHash('sha256').update(JSON.stringify([DECISION_VERSION, 'year', scope, rules, k, digest])).digest('base64url')}@${year}`;
}

const periodsOfYear = (year: number): CalendarPeriod[] => [
  { kind: 'year', year },
  ...([1, 2, 3] as const).map((tertial): CalendarPeriod => ({ kind: 'tertial', year, tertial })),
  ...Array.from({ length: 12 }, (_, m): CalendarPeriod => ({ kind: 'month', year, month: m + 1 })),
];

export type CountedHistory = { scope: OutcomesScope; interventionId: string; history: OutcomesHistory; digest: string };

/**
 * Every calendar period of the given years of each history, suppressed, and kept: each family's
 * kept decision looked up in one query (a family not kept is decided now), then the families
 * decided and each year's reports under its year key. Returns the reports and how many rows were new.
 */
export async function decideYears(db: Db, items: readonly CountedHistory[], years: readonly number[], k: number, subsidised: boolean) {
  const rules = { subsidised_counts_as_work: subsidised };
  const { results, stored } = await withKeptFamilies(db, items, years, k, rules, (it, memo, fresh) =>
    years.map((year) => {
      const ofYear: YearReports = Object.fromEntries(
        periodsOfYear(year).map((period) => [calendarPeriodName(period), suppressedOutcomes({ history: it.history, scope: it.scope, rules, period, project: null, k, memo })]),
      );
      fresh.push({ key: yearKey(it.scope, rules, k, it.digest, year), interventionId: it.interventionId, family: ofYear });
      return ofYear;
    }),
  );
  return { reports: results, stored };
}

/**
 * The suppressed outcomes reports of many interventions for one calendar month, tertial or year:
 * each history's digest counted in the database and the year's kept reports looked up under it
 * (two statements, no history sent); interventions without kept reports are counted and decided
 * as decideYears does.
 */
export async function suppressedOutcomesOfInterventions(
  db: Db,
  interventions: readonly { id: string; code: string }[],
  period: Exclude<CalendarPeriod, { kind: 'project' }>,
  k: number,
  subsidised: boolean,
): Promise<OutcomesReport[]> {
  const rules = { subsidised_counts_as_work: subsidised };
  const ids = interventions.map((i) => i.id);
  const digests = await historyDigestsOf(db, ids);
  const keys = interventions.map((i) => yearKey({ intervention: i.code }, rules, k, digests.get(i.id)!, period.year));
  const name = calendarPeriodName(period);
  const kept = await findPeriodOfYears(db, keys, name);
  const byId = new Map(interventions.flatMap((i, n) => (kept.has(keys[n]) ? [[i.id, kept.get(keys[n]) as OutcomesReport]] : [])));
  const missing = interventions.filter((i) => !byId.has(i.id));
  if (missing.length > 0) {
    const counted = await countHistoryByIntervention(db, missing.map((i) => i.id));
    const items = missing.map((i) => ({ scope: { intervention: i.code }, interventionId: i.id, ...counted.get(i.id)! }));
    const { reports } = await decideYears(db, items, [period.year], k, subsidised);
    for (const [n, i] of missing.entries()) byId.set(i.id, reports[n][0][name]);
  }
  return interventions.map((i) => byId.get(i.id)!);
}

/**
 * The outcomes report (JSON v1) for an intervention or a förbund. Exact figures for any range,
 * counted in SQL over the rows active in it. Suppressed figures only for a calendar month, a
 * tertial, a calendar year or the project period (widened to whole months), decided together
 * with the other periods a reader could combine them with (outcomes-family.ts); any other range
 * is refused with the periods that can be chosen.
 */
export async function computeOutcomesReport(db: Db, input: OutcomesInput): Promise<OutcomesReport> {
  const resolved = await resolveOutcomesScope(db, input.scope);
  if (!resolved) throw notFound();
  return reportOn(db, input, resolved);
}

/**
 * The report for a user: the scope is resolved once, for the access rule and the figures. An
 * intervention's exact figures for a date range, the common request, come in the scope's own
 * statement; they are used only once the access rule allows them unsuppressed.
 */
export async function outcomesReportFor(db: Db, actor: Actor, input: OutcomesInput): Promise<OutcomesReport> {
  const { scope, period } = input;
  const range = typeof period !== 'string' && period.from <= period.to && !input.suppress ? period : null;
  const counted = range && 'intervention' in scope ? await resolveAndCountIntervention(db, scope.intervention, range, assignedTo(actor)) : undefined;
  const resolved = counted === undefined ? await resolveOutcomesScope(db, scope) : (counted?.resolved ?? null);
  const access = resolved && outcomesAccess(actor, resolved);
  if (!resolved || !access) throw notFound();
  if (counted?.counts && range && !access.mustSuppress) return exactReport(input, range, counted.counts);
  return reportOn(db, { ...input, suppress: access.mustSuppress || input.suppress }, resolved);
}

function exactReport(input: OutcomesInput, period: Period, counts: OutcomesCounts): OutcomesReport {
  return outcomesFromCounts({
    scope: input.scope,
    period,
    rules: { subsidised_counts_as_work: input.subsidisedCountsAsWork ?? true, suppression_threshold: null },
    counts,
  });
}

async function reportOn(db: Db, input: OutcomesInput, { interventionIds, project, intervention }: ResolvedOutcomesScope): Promise<OutcomesReport> {
  if (typeof input.period !== 'string' && input.period.from > input.period.to) {
    throw badRequest('Perioden slutar före den börjar.', [{ path: 'to', message: 'Välj ett slutdatum efter startdatum' }]);
  }
  const subsidised = input.subsidisedCountsAsWork ?? true;
  const threshold = input.threshold ?? 5;
  const shownProject = project && input.suppress ? projectInMonths(project) : project;
  const { range, calendar } = resolvePeriod(input.period, shownProject, input.suppress);

  if (!input.suppress) return exactReport(input, range, await countOutcomes(db, interventionIds, range));
  const history = await countHistory(db, interventionIds);
  const [report] = await suppressedOutcomesOf(db, [{ scope: input.scope, interventionId: intervention?.id ?? null, history, project: shownProject }], calendar!, threshold, subsidised);
  return report;
}

/** The dates asked for and, for suppressed figures, the calendar period they must be. */
export function resolvePeriod(period: Period | string, project: Period | null, suppress: boolean): { range: Period; calendar: CalendarPeriod | null } {
  if (typeof period === 'string') {
    const calendar = parseCalendarPeriod(period);
    if (!calendar) {
      throw badRequest(`Perioden '${period}' finns inte. ${alignedPeriodsMessage(suppress ? project : null)}`, [
        { path: 'period', message: 'Skriv perioden som 2025, 2025-T2, 2025-03 eller project' },
      ]);
    }
    const range = rangeOf(calendar, project);
    if (!range) {
      throw badRequest('Insatsen har ingen projektperiod med slutdatum att välja.', [
        { path: 'period', message: 'Välj en månad, ett tertial eller ett år' },
      ]);
    }
    return { range, calendar };
  }
  if (!suppress) return { range: period, calendar: null };
  const calendar = calendarPeriodOf(period, project);
  if (!calendar) {
    throw badRequest(`Perioden ${period.from} – ${period.to} går inte att välja här. ${alignedPeriodsMessage(project)}`, [
      { path: 'from', message: 'Välj en kalendermånad, ett tertial, ett kalenderår eller projektperioden' },
    ]);
  }
  return { range: period, calendar };
}

/**
 * The interventions and teams of the actor's case-worker and lead assignments: what makes an
 * intervention's figures theirs (outcomesAccess), and what the scope's statement counts for.
 */
function assignedTo(actor: Actor): AssignedTo {
  const figures = actor.assignments.filter((a) => a.role === 'case_worker' || a.role === 'intervention_lead');
  return {
    interventionIds: figures.flatMap((a) => (a.interventionId ? [a.interventionId] : [])),
    teamIds: figures.flatMap((a) => (a.teamId ? [a.teamId] : [])),
  };
}

/**
 * Who may see which outcomes report, and whether it must be suppressed. Unsuppressed figures
 * stay inside the controlling organisation: a lead or case worker of the owner, assigned to the
 * intervention. Everyone else entitled to it (another party's staff in the intervention, the
 * förbund) gets suppressed figures; anyone else gets "not found".
 */
export function outcomesAccess(actor: Actor, scope: ResolvedOutcomesScope): { mustSuppress: boolean } | null {
  const { intervention } = scope;
  if (!intervention) {
    const admin = actor.assignments.some((a) => a.role === 'association_admin' && a.associationId === scope.associationId);
    return admin ? { mustSuppress: true } : null;
  }
  const { interventionIds, teamIds } = assignedTo(actor);
  const assigned = interventionIds.includes(intervention.id) || intervention.teamIds.some((team) => teamIds.includes(team));
  if (assigned) return { mustSuppress: actor.organisationId !== intervention.ownerOrgId };
  const ofTheForbund = actor.assignments.some(
    (a) => a.role === 'association_admin' && a.associationId !== null && a.associationId === intervention.associationId,
  );
  return ofTheForbund ? { mustSuppress: true } : null;
}
