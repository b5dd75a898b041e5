import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, id, idParams } from '../../core/schemas/common.js';
import { meetingInput, meetingList, meetingView } from '../../core/schemas/case.js';
import { contextOf } from '../context.js';
import { createMeeting, listMeetings } from './meeting.service.js';

const tags = ['Möten'];
const errors = { 400: errorBody, 404: errorBody, 409: errorBody };
const listWithStaff = meetingList.extend({ staffOptions: z.array(z.object({ id, name: z.string(), organisation: z.string() })) });

/** Meetings about an enrolment (issue 10, item 4). */
export async function meetingRoutes(app: App) {
  app.get('/api/v1/enrolments/:id/meetings', {
    config: { permission: 'enrolment:read' },
    schema: { tags, params: idParams, response: { 200: listWithStaff, ...errors } },
    handler: async (request) => listMeetings(contextOf(request, 'enrolment:read'), request.params.id),
  });

  app.post('/api/v1/enrolments/:id/meetings', {
    config: { permission: 'enrolment:write' },
    schema: { tags, params: idParams, body: meetingInput, response: { 201: meetingView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await createMeeting(contextOf(request, 'enrolment:write'), request.params.id, request.body)),
  });
}
