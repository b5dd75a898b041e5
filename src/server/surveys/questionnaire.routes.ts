import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import { questionnaireList, questionnaireView, questionTextInput, questionView, translationParams } from '../../core/schemas/survey.js';
import { contextOf } from '../context.js';
import { questionnaireList as listAll, questionnaireView as viewOne, saveQuestionText } from './questionnaire.service.js';

const tags = ['Enkäter'];

export async function questionnaireRoutes(app: App) {
  app.get('/api/v1/questionnaires', {
    config: { permission: 'survey:edit' },
    schema: { tags, response: { 200: questionnaireList } },
    handler: async (request) => listAll(contextOf(request, 'survey:edit')),
  });

  app.get('/api/v1/questionnaires/:id', {
    config: { permission: 'survey:edit' },
    schema: { tags, params: idParams, response: { 200: questionnaireView, 404: errorBody } },
    handler: async (request) => viewOne(contextOf(request, 'survey:edit'), request.params.id),
  });

  app.put('/api/v1/questionnaires/:id/questions/:questionId/texts/:language', {
    config: { permission: 'survey:edit' },
    schema: { tags, params: translationParams, body: questionTextInput, response: { 200: questionView, 400: errorBody, 404: errorBody } },
    handler: async (request) => {
      const { id, questionId, language } = request.params;
      return saveQuestionText(contextOf(request, 'survey:edit'), id, questionId, language, request.body);
    },
  });
}
