import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import {
  interventionCreate,
  interventionList,
  interventionUpdate,
  interventionView,
  teamCreate,
  teamList,
  teamView,
  volumeTargetInput,
  volumeTargetParams,
  volumeTargetView,
} from '../../core/schemas/intervention.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { createIntervention, getIntervention, listInterventions, updateIntervention } from './intervention.service.js';
import { createTeam, listTeams, setVolumeTarget } from './team.service.js';

const tags = ['Insatser'];

export async function interventionRoutes(app: App) {
  app.get('/api/v1/interventions', {
    config: { permission: 'intervention:read' },
    schema: { tags, response: { 200: interventionList } },
    handler: async (request) => listInterventions(contextOf(request, 'intervention:read')),
  });

  app.get('/api/v1/interventions/:id', {
    config: { permission: 'intervention:read' },
    schema: { tags, params: idParams, response: { 200: interventionView, 404: errorBody } },
    handler: async (request) =>
      (await getIntervention(contextOf(request, 'intervention:read'), request.params.id)) ?? notFoundAnswer(),
  });

  app.post('/api/v1/interventions', {
    config: { permission: 'intervention:write' },
    schema: { tags, body: interventionCreate, response: { 201: interventionView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const view = await createIntervention(contextOf(request, 'intervention:write'), request.body);
      return reply.code(201).send(view);
    },
  });

  app.patch('/api/v1/interventions/:id', {
    config: { permission: 'intervention:write' },
    schema: { tags, params: idParams, body: interventionUpdate, response: { 200: interventionView, 400: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request) => updateIntervention(contextOf(request, 'intervention:write'), request.params.id, request.body),
  });

  app.get('/api/v1/interventions/:id/teams', {
    config: { permission: 'intervention:read' },
    schema: { tags, params: idParams, response: { 200: teamList, 404: errorBody } },
    handler: async (request) => listTeams(contextOf(request, 'intervention:read'), request.params.id),
  });

  app.post('/api/v1/interventions/:id/teams', {
    config: { permission: 'team:write' },
    schema: { tags, params: idParams, body: teamCreate, response: { 201: teamView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const team = await createTeam(contextOf(request, 'team:write'), request.params.id, request.body.name);
      return reply.code(201).send(team);
    },
  });

  app.put('/api/v1/interventions/:id/volume-targets/:year', {
    config: { permission: 'intervention:write' },
    schema: { tags, params: volumeTargetParams, body: volumeTargetInput, response: { 200: volumeTargetView, 400: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request) =>
      setVolumeTarget(contextOf(request, 'intervention:write'), request.params.id, request.params.year, request.body.target),
  });
}

function notFoundAnswer(): never {
  throw notFound();
}
