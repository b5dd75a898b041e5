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
import { meetingRoutes } from './case/meeting.routes.js';
import { planRoutes } from './case/plan.routes.js';
import { activityRoutes } from './activities/activity.routes.js';
import { workplaceRoutes } from './workplaces/workplace.routes.js';
import { worklistRoutes } from './worklist/worklist.routes.js';
import { webStatic } from './web/static.js';
import { participantRoutes } from './surveys/participant.routes.js';
import { questionnaireRoutes } from './surveys/questionnaire.routes.js';
import { resultsRoutes } from './surveys/results.routes.js';
import { sendingRoutes } from './surveys/sending.routes.js';

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
  await app.register(planRoutes);
  await app.register(meetingRoutes);
  await app.register(activityRoutes);
  await app.register(workplaceRoutes);
  await app.register(worklistRoutes);
  // Surveys (issue 13); the participant's page is its own plugin, so its rate limit and form parser apply to it only.
  await app.register(questionnaireRoutes);
  await app.register(sendingRoutes);
  await app.register(resultsRoutes);
  await app.register(participantRoutes);
  // Last: the web app and its fallback answer every GET the API does not.
  await app.register(webStatic);
}
