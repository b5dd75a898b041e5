import type { App } from '../app.js';
import { participantRoutes } from './participant.routes.js';
import { questionnaireRoutes } from './questionnaire.routes.js';
import { resultsRoutes } from './results.routes.js';
import { sendingRoutes } from './sending.routes.js';

/** Participant surveys (issue 13): staff routes under /api/v1, the participant's page under /enkat. */
export async function surveyRoutes(app: App) {
  await app.register(questionnaireRoutes);
  await app.register(sendingRoutes);
  await app.register(resultsRoutes);
  // Its own plugin: the rate limit and the form parser apply to the participant's page only.
  await app.register(participantRoutes);
}
