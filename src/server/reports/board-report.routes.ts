import type { App } from '../app.js';
import { budgetRoutes } from '../budget/budget.routes.js';
import { goalsRoutes } from '../goals/goals.routes.js';
import { associationRoutes } from './association.routes.js';
import { drillDownRoutes } from './drill-down.routes.js';
import { keyFiguresRoutes } from './key-figures.routes.js';

/** The routes of the reports boards receive (issue 12): key figures, goals, budget and actuals, the förbund's dashboard and national export, drill-down. */
export async function boardReportRoutes(app: App) {
  await app.register(keyFiguresRoutes);
  await app.register(goalsRoutes);
  await app.register(budgetRoutes);
  await app.register(associationRoutes);
  await app.register(drillDownRoutes);
}
