import { sql } from 'kysely';
import type { CategoryAmounts } from '../../core/figures/budget.js';
import type { Db } from '../db/connection.js';

const amounts = (rows: { cost_category: string; amount: string }[]): CategoryAmounts =>
  Object.fromEntries(rows.map((r) => [r.cost_category, Number(r.amount)]));

export async function grantOf(db: Db, interventionId: string, year: number): Promise<number | null> {
  const row = await db.selectFrom('intervention_grants').select('amount').where('intervention_id', '=', interventionId).where('year', '=', year).executeTakeFirst();
  return row ? Number(row.amount) : null;
}

export async function adminCostOf(db: Db, interventionId: string, year: number): Promise<number | null> {
  const row = await db.selectFrom('intervention_admin_costs').select('amount').where('intervention_id', '=', interventionId).where('year', '=', year).executeTakeFirst();
  return row ? Number(row.amount) : null;
}

/** Sets the year's administrative costs (null removes them). */
export async function saveAdminCost(db: Db, interventionId: string, year: number, amount: number | null) {
  await db.deleteFrom('intervention_admin_costs').where('intervention_id', '=', interventionId).where('year', '=', year).execute();
  if (amount !== null) await db.insertInto('intervention_admin_costs').values({ intervention_id: interventionId, year, amount }).execute();
}

export async function budgetLinesOf(db: Db, interventionId: string, year: number): Promise<CategoryAmounts> {
  return amounts(await db.selectFrom('intervention_budget_lines').select(['cost_category', 'amount']).where('intervention_id', '=', interventionId).where('year', '=', year).execute());
}

/** Actual costs of the months of [from, to] (first days), by month and category. */
export async function costsOf(db: Db, interventionId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('intervention_costs')
    .select(['month', 'cost_category', 'amount'])
    .where('intervention_id', '=', interventionId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ month: r.month.slice(0, 7), category: r.cost_category, amount: Number(r.amount) }));
}

export async function saveBudget(db: Db, interventionId: string, year: number, grant: number | null, lines: CategoryAmounts) {
  await db.deleteFrom('intervention_grants').where('intervention_id', '=', interventionId).where('year', '=', year).execute();
  if (grant !== null) await db.insertInto('intervention_grants').values({ intervention_id: interventionId, year, amount: grant }).execute();
  await db.deleteFrom('intervention_budget_lines').where('intervention_id', '=', interventionId).where('year', '=', year).execute();
  const values = Object.entries(lines).map(([cost_category, amount]) => ({ intervention_id: interventionId, year, cost_category, amount: amount! }));
  if (values.length) await db.insertInto('intervention_budget_lines').values(values).execute();
}

/** Sets the month's actual costs per category (a category left out is left as it is). */
export async function saveCosts(db: Db, interventionId: string, rows: { month: string; category: string; amount: number }[], source: 'manual' | 'import') {
  if (rows.length === 0) return;
  await db
    .insertInto('intervention_costs')
    .values(rows.map((r) => ({ intervention_id: interventionId, month: `${r.month}-01`, cost_category: r.category, amount: r.amount, source })))
    .onConflict((oc) => oc.columns(['intervention_id', 'month', 'cost_category']).doUpdateSet({ amount: (eb) => eb.ref('excluded.amount'), source, updated_at: sql`now()` }))
    .execute();
}

/** Removes the month's actual costs of the categories given (all of them when none are). */
export async function removeCosts(db: Db, interventionId: string, month: string, categories?: string[]) {
  if (categories?.length === 0) return;
  let query = db.deleteFrom('intervention_costs').where('intervention_id', '=', interventionId).where('month', '=', `${month}-01`);
  if (categories) query = query.where('cost_category', 'in', categories);
  await query.execute();
}

/** Interventions by code, for an import file's rows. */
export async function interventionsByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('interventions').select(['id', 'code']).where('code', 'in', codes).execute();
}

export type YearMoney = { grant: number | null; budget: number | null; actual: number | null; administrative: number | null };

/**
 * Money of several interventions at once (the förbund's dashboard and national export): the
 * year's grant, budget (sum of its lines) and administrative costs, and the actual costs of the
 * months from `fromMonth` to `toMonth` (first days). A figure never given is null.
 */
export async function moneyOf(db: Db, interventionIds: string[], year: number, fromMonth: string, toMonth: string): Promise<Map<string, YearMoney>> {
  const money = new Map<string, YearMoney>(interventionIds.map((id) => [id, { grant: null, budget: null, actual: null, administrative: null }]));
  if (interventionIds.length === 0) return money;
  const { rows } = await sql<{ intervention_id: string; kind: keyof YearMoney; amount: string }>`
    select intervention_id, 'grant' as kind, amount from intervention_grants where intervention_id = any(${interventionIds}::uuid[]) and year = ${year}
    union all
    select intervention_id, 'administrative', amount from intervention_admin_costs where intervention_id = any(${interventionIds}::uuid[]) and year = ${year}
    union all
    select intervention_id, 'budget', sum(amount) from intervention_budget_lines where intervention_id = any(${interventionIds}::uuid[]) and year = ${year} group by 1
    union all
    select intervention_id, 'actual', sum(amount) from intervention_costs
      where intervention_id = any(${interventionIds}::uuid[]) and month between ${fromMonth}::date and ${toMonth}::date group by 1`.execute(db);
  for (const row of rows) money.get(row.intervention_id)![row.kind] = Number(row.amount);
  return money;
}
