import type { App } from '../app.js';
import { budgetRoutes } from '../budget/budget.routes.js';
import { goalsRoutes } from '../goals/goals.routes.js';
import { reportDocumentRoutes } from '../report-documents/report-document.routes.js';
import { caseFiguresRoutes } from './case-figures.routes.js';
import { associationRoutes } from './association.routes.js';
import { drillDownRoutes } from './drill-down.routes.js';
import { keyFiguresRoutes } from './key-figures.routes.js';
import { monthlyResultsRoutes } from './monthly-results.routes.js';

/** The routes of the reports boards receive (issue 12): key figures, the monthly series, case figures, goals, budget and actuals, the report documents, the förbund's dashboard and national export, drill-down. */
export async function boardReportRoutes(app: App) {
  await app.register(keyFiguresRoutes);
  await app.register(monthlyResultsRoutes);
  await app.register(caseFiguresRoutes);
  await app.register(goalsRoutes);
  await app.register(budgetRoutes);
  await app.register(reportDocumentRoutes);
  await app.register(associationRoutes);
  await app.register(drillDownRoutes);
}
