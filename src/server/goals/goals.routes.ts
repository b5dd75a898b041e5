import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, id } from '../../core/schemas/common.js';
import { goalInput, goalList } from '../../core/schemas/goals.js';
import { contextOf } from '../context.js';
import { changeGoal, createGoal, listGoals } from './goals.service.js';

const tags = ['Mål och budget'];
const params = z.object({ id });
const goalParams = z.object({ id, goalId: id });
const answers = { 400: errorBody, 403: errorBody, 404: errorBody };

export async function goalsRoutes(app: App) {
  app.get('/api/v1/interventions/:id/goals', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Insatsens mål med måluppfyllelse, regel och underlag', params, response: { 200: goalList, 404: errorBody } },
    handler: async (request) => listGoals(contextOf(request, 'intervention:read'), request.params.id),
  });
  app.post('/api/v1/interventions/:id/goals', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Lägg till ett mål', params, body: goalInput, response: { 201: z.object({ id }), ...answers } },
    handler: async (request, reply) => reply.code(201).send(await createGoal(contextOf(request, 'intervention:read'), request.params.id, request.body)),
  });
  app.patch('/api/v1/interventions/:id/goals/:goalId', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Ändra ett mål', params: goalParams, body: goalInput, response: { 200: z.object({ id }), ...answers } },
    handler: async (request) => changeGoal(contextOf(request, 'intervention:read'), request.params.id, request.params.goalId, request.body),
  });
  app.delete('/api/v1/interventions/:id/goals/:goalId', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Ta bort ett mål', params: goalParams, response: { 200: z.object({ id }), ...answers } },
    handler: async (request) => changeGoal(contextOf(request, 'intervention:read'), request.params.id, request.params.goalId, null),
  });
}
