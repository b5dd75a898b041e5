import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, idParams } from '../../core/schemas/common.js';
import {
  assignmentCreate,
  assignmentParams,
  assignmentView,
  passwordReset,
  userCreate,
  userList,
  userListQuery,
  userLookup,
  userUpdate,
  userView,
} from '../../core/schemas/user.js';
import { contextOf } from '../context.js';
import { notFound } from '../errors.js';
import { createAssignment, removeAssignment } from './assignment.service.js';
import { resetPassword } from './password-reset.service.js';
import { createUser, getUser, listUsers, lookupUser, updateUser } from './user.service.js';

const tags = ['Användare'];

export async function userRoutes(app: App) {
  app.get('/api/v1/users', {
    config: { permission: 'user:read' },
    schema: { tags, querystring: userListQuery, response: { 200: userList, 400: errorBody } },
    handler: async (request) => listUsers(contextOf(request, 'user:read'), request.query),
  });

  // Exact e-mail within the organisations of the actor's förbund; no match answers as not found.
  app.post('/api/v1/users/lookup', {
    config: { permission: 'user:read' },
    schema: { tags, body: userLookup, response: { 200: userView, 400: errorBody, 404: errorBody } },
    handler: async (request) => lookupUser(contextOf(request, 'user:read'), request.body.email),
  });

  app.get('/api/v1/users/:id', {
    config: { permission: 'user:read' },
    schema: { tags, params: idParams, response: { 200: userView, 404: errorBody } },
    handler: async (request) => (await getUser(contextOf(request, 'user:read'), request.params.id)) ?? notFoundAnswer(),
  });

  app.post('/api/v1/users', {
    config: { permission: 'user:write' },
    schema: { tags, body: userCreate, response: { 201: userView, 400: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const view = await createUser(contextOf(request, 'user:write'), request.body);
      return reply.code(201).send(view);
    },
  });

  app.patch('/api/v1/users/:id', {
    config: { permission: 'user:write' },
    schema: { tags, params: idParams, body: userUpdate, response: { 200: userView, 400: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request) => updateUser(contextOf(request, 'user:write'), request.params.id, request.body),
  });

  // A temporary password set by the administrator; the user's sessions end and the next login must change it.
  app.post('/api/v1/users/:id/password', {
    config: { permission: 'user:write' },
    schema: { tags, params: idParams, body: passwordReset, response: { 204: z.null(), 400: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      await resetPassword(contextOf(request, 'user:write'), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/v1/users/:id/assignments', {
    config: { permission: 'user:write' },
    schema: {
      tags: ['Användare', 'Uppdrag'],
      params: idParams,
      body: assignmentCreate,
      response: { 201: assignmentView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
    handler: async (request, reply) => {
      const assignment = await createAssignment(contextOf(request, 'user:write'), request.params.id, request.body);
      return reply.code(201).send(assignment);
    },
  });

  app.delete('/api/v1/users/:id/assignments/:assignmentId', {
    config: { permission: 'user:write' },
    schema: { tags: ['Användare', 'Uppdrag'], params: assignmentParams, response: { 204: z.null(), 403: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      await removeAssignment(contextOf(request, 'user:write'), request.params.id, request.params.assignmentId);
      return reply.code(204).send(null);
    },
  });
}

function notFoundAnswer(): never {
  throw notFound();
}
