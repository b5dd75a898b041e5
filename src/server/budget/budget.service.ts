import { budgetAgainstActual, costPerOutcome, costPerParticipant, totalOf, type CategoryAmounts } from '../../core/figures/budget.js';
import { validateCosts } from '../../core/import/costs.js';
import { parseCsv } from '../../core/import/csv.js';
import { ImportError, sortErrors } from '../../core/import/errors.js';
import type { RowError } from '../../core/import/errors.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest } from '../errors.js';
import { interventionForGoals } from '../goals/goals.service.js';
import { keyFiguresFor } from '../reports/key-figures.service.js';
import { adminCostOf, budgetLinesOf, costsOf, grantOf, removeCosts, saveAdminCost, saveBudget, saveCosts } from './budget.repository.js';

const noEdit = () => new AppError('forbidden', 'Bara insatsens ansvariga och förbundets administratör kan ändra mål och budget.');

/**
 * The year's grant, budget against actual per cost category, the actual costs by month, and
 * the cost figures over the year's key figures (exact or suppressed as the reader may see them).
 */
export async function getBudget(ctx: RequestContext, interventionId: string, year: number) {
  const { intervention, can } = await interventionForGoals(ctx.db, ctx, interventionId);
  const costs = await costsOf(ctx.db, interventionId, `${year}-01-01`, `${year}-12-01`);
  const actual: CategoryAmounts = {};
  const months = new Map<string, CategoryAmounts>();
  for (const c of costs) {
    actual[c.category] = (actual[c.category] ?? 0) + c.amount;
    months.set(c.month, { ...months.get(c.month), [c.category]: c.amount });
  }
  const comparison = budgetAgainstActual(await budgetLinesOf(ctx.db, interventionId, year), actual);
  const figures = await keyFiguresFor(ctx, { scope: { intervention: intervention.code }, period: String(year), suppress: false });
  const participants = figures.volume.participants;
  const outcomes = figures.work_or_studies.total.count;
  return {
    year,
    grant: await grantOf(ctx.db, interventionId, year),
    administrativeCost: await adminCostOf(ctx.db, interventionId, year),
    ...comparison,
    months: [...months].map(([month, byCategory]) => ({ month, costs: byCategory as Record<string, number>, total: totalOf(byCategory) })),
    costPerParticipant: costPerParticipant(comparison.total.actual, participants),
    costPerOutcome: costPerOutcome(comparison.total.actual, outcomes),
    participants,
    exitsToWorkOrStudies: outcomes,
    can: { edit: can.edit },
  };
}

/** A change of the budget or costs, in one transaction with its audit event, by those who may. */
async function editing<T>(ctx: RequestContext, interventionId: string, work: (db: Db, code: string) => Promise<T>, details: Record<string, unknown>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const { intervention, can } = await interventionForGoals(trx, ctx, interventionId);
    if (!can.edit) throw noEdit();
    const result = await work(trx, intervention.code);
    await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'budget', details: { interventionId, ...details } }]);
    return result;
  });
}

export async function setBudget(ctx: RequestContext, interventionId: string, year: number, input: { grant: number | null; lines: CategoryAmounts; administrativeCost?: number | null }) {
  return editing(
    ctx,
    interventionId,
    async (db) => {
      await saveBudget(db, interventionId, year, input.grant, input.lines);
      if (input.administrativeCost !== undefined) await saveAdminCost(db, interventionId, year, input.administrativeCost);
      return { year };
    },
    { year },
  );
}

export async function setMonthCosts(ctx: RequestContext, interventionId: string, month: string, costs: Partial<Record<string, number | null>>) {
  const entries = Object.entries(costs);
  const rows = entries.flatMap(([category, amount]) => (amount === null || amount === undefined ? [] : [{ month, category, amount }]));
  const removed = entries.filter(([, amount]) => amount === null).map(([category]) => category);
  return editing(
    ctx,
    interventionId,
    async (db) => {
      await saveCosts(db, interventionId, rows, 'manual');
      await removeCosts(db, interventionId, month, removed);
      return { month };
    },
    { month },
  );
}

/** Removes every actual cost of the month. */
export async function removeMonthCosts(ctx: RequestContext, interventionId: string, month: string) {
  return editing(ctx, interventionId, (db) => removeCosts(db, interventionId, month).then(() => ({ month })), { month, removed: true });
}

/**
 * A finance system's cost export for this intervention: all rows or none; every error listed by
 * row, column and reason. A dry run checks it and answers what it would import, saving nothing.
 */
export async function importCosts(ctx: RequestContext, interventionId: string, csv: string, dryRun = false) {
  return editing(
    ctx,
    interventionId,
    async (db, code) => {
      const { rows, errors } = validateCostFile(csv);
      const others: RowError[] = rows.filter((r) => r.intervention !== code).map((r) => ({ row: r.row, column: 'intervention', reason: `Raden gäller en annan insats än ${code}: ta bort den eller importera den hos den insatsen` }));
      const all = sortErrors([...errors, ...others]);
      if (all.length) throw badRequest(`Filen importerades inte: ${all.length} fel. Rätta raderna och importera filen igen; inget har sparats.`, all.map(asFieldError));
      if (!dryRun) await saveCosts(db, interventionId, rows, 'import');
      return { dryRun, ...summaryOf(rows) };
    },
    { import: true, dryRun },
  );
}

/** A row error as the API's error list carries it: path and message as every 400, row, column and reason as the imports. */
const asFieldError = (e: RowError) => ({ path: `rad ${e.row}, ${e.column}`, message: e.reason, row: e.row, column: e.column, reason: e.reason });

function summaryOf(rows: { month: string; category: string; amount: number }[]) {
  const byCategory: CategoryAmounts = {};
  for (const r of rows) byCategory[r.category] = Math.round(((byCategory[r.category] ?? 0) + r.amount) * 100) / 100;
  return { rows: rows.length, months: [...new Set(rows.map((r) => r.month))].sort(), byCategory: byCategory as Record<string, number>, total: totalOf(byCategory) };
}

function validateCostFile(csv: string) {
  try {
    return validateCosts(parseCsv(csv));
  } catch (error) {
    if (error instanceof ImportError) return { rows: [], errors: error.errors };
    throw error;
  }
}
