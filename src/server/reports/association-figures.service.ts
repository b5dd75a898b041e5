import { dashboardRowOf } from '../../core/figures/dashboard.js';
import { nationalRowOf, type NationalRow } from '../../core/figures/national-export.js';
import { parseCalendarPeriod, rangeOf } from '../../core/figures/periods.js';
import type { DashboardView } from '../../core/schemas/dashboard.js';
import { associationFiguresCan } from '../access/dashboard-policy.js';
import { moneyOf } from '../budget/budget.repository.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { badRequest, notFound } from '../errors.js';
import { goalsForPeriod } from '../goals/goals.repository.js';
import { goalOf } from '../goals/goals.service.js';
import { findAssociation, interventionsOfAssociation } from './association.repository.js';
import { suppressedKeyFiguresOf } from './key-figures.service.js';

type Association = { id: string; code: string; name: string };

/**
 * Every figure of a förbund's interventions for a year, tertial or month, as they leave the
 * controlling organisations (suppressed, k = threshold): each intervention active in the period
 * with its key figures, the money of the year and the actual cost of the period's months. The key
 * figures are each intervention's own report (as its lead would be shown it outside the
 * controller), counted for all of them together (suppressedKeyFiguresOf), so the dashboard and
 * the report never disagree.
 */
export async function associationFigures(db: Db, association: Association, periodName: string, threshold: number) {
  const calendar = parseCalendarPeriod(periodName);
  if (!calendar || calendar.kind === 'project') {
    throw badRequest('Välj ett år (2026), ett tertial (2026-T2) eller en månad (2026-03).', [{ path: 'period', message: 'Välj ett år, ett tertial eller en månad' }]);
  }
  const range = rangeOf(calendar, null)!;
  const interventions = (await interventionsOfAssociation(db, association.id)).filter((i) => i.start_date <= range.to && (i.end_date === null || i.end_date >= range.from));
  const ids = interventions.map((i) => i.id);
  const money = await moneyOf(db, ids, calendar.year, range.from, `${range.to.slice(0, 7)}-01`);
  const figures = await suppressedKeyFiguresOf(db, interventions, calendar, threshold);
  return { range, rows: interventions.map((i, n) => ({ intervention: i, figures: figures[n], money: money.get(i.id)! })) };
}

/** The förbund as the actor may see it; out of their reach answers exactly as a förbund that does not exist. */
async function associationFor(ctx: RequestContext, code: string, what: 'dashboard' | 'national'): Promise<Association> {
  const association = await findAssociation(ctx.db, code);
  if (!association || !associationFiguresCan(ctx.actor, association.id)[what]) throw notFound();
  return association;
}

export async function dashboardFor(ctx: RequestContext, query: { association: string; period: string }, threshold: number): Promise<DashboardView> {
  const association = await associationFor(ctx, query.association, 'dashboard');
  return computeDashboard(ctx.db, association, query.period, threshold);
}

/** The förbund's dashboard: its interventions side by side, suppressed figures only. */
export async function computeDashboard(db: Db, association: Association, periodName: string, threshold: number): Promise<DashboardView> {
  const { range, rows } = await associationFigures(db, association, periodName, threshold);
  const goals = await goalsForPeriod(db, rows.map((r) => r.intervention.id), periodName);
  return {
    association: { code: association.code, name: association.name },
    period: { name: periodName, ...range },
    threshold,
    interventions: rows.map(({ intervention: i, figures, money }) =>
      dashboardRowOf({ code: i.code, name: i.name, owner: i.owner }, figures, goals.filter((g) => g.intervention_id === i.id).map(goalOf), money.actual),
    ),
  };
}

export async function nationalExportFor(ctx: RequestContext, query: { association: string; year: number }, threshold: number): Promise<NationalRow[]> {
  const association = await associationFor(ctx, query.association, 'national');
  return computeNationalExport(ctx.db, association, query.year, threshold);
}

/** The national follow-up (Uppföljning Finsam) of a förbund's year: one row per intervention (docs/national-export.md). */
export async function computeNationalExport(db: Db, association: Association, year: number, threshold: number): Promise<NationalRow[]> {
  const { rows } = await associationFigures(db, association, String(year), threshold);
  return rows.map(({ intervention: i, figures, money }) =>
    nationalRowOf(association.code, year, {
      code: i.code,
      name: i.name,
      owner: i.owner,
      orientation: i.orientation,
      followUpMethod: i.follow_up_method,
      volumeTarget: figures.volume.target,
      grant: money.grant,
      budget: money.budget,
      actualCost: money.actual,
      administrativeCost: money.administrative,
    }, figures),
  );
}
