import type { App } from './app.js';
import { authRoutes } from './auth/auth.routes.js';
import { logReviewRoutes } from './audit/log-review.routes.js';
import { codeListRoutes } from './code-lists/code-list.routes.js';
import { consentRoutes } from './consents/consent.routes.js';
import { enrolmentRoutes } from './enrolments/enrolment.routes.js';
import { anonymousRoutes } from './anonymous/anonymous.routes.js';
import { importRoutes } from './import/import.routes.js';
import { interventionRoutes } from './interventions/intervention.routes.js';
import { outcomesRoutes } from './reports/outcomes.routes.js';
import { boardReportRoutes } from './reports/board-report.routes.js';
import { personRoutes } from './persons/person.routes.js';
import { organisationRoutes } from './organisations/organisation.routes.js';
import { userRoutes } from './users/user.routes.js';
import { webStatic } from './web/static.js';

/** Every feature's routes; each declares its permission (see the onRoute hook in app.ts). */
export async function registerRoutes(app: App): Promise<void> {
  await app.register(authRoutes);
  await app.register(codeListRoutes);
  await app.register(enrolmentRoutes);
  await app.register(organisationRoutes);
  await app.register(interventionRoutes);
  await app.register(userRoutes);
  await app.register(anonymousRoutes);
  await app.register(outcomesRoutes);
  await app.register(boardReportRoutes);
  await app.register(consentRoutes);
  await app.register(personRoutes);
  await app.register(logReviewRoutes);
  await app.register(importRoutes);
  // Last: the web app and its fallback answer every GET the API does not.
  await app.register(webStatic);
}
