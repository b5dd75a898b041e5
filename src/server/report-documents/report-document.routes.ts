import { z } from 'zod';
import type { App } from '../app.js';
import { errorBody, id } from '../../core/schemas/common.js';
import {
  documentCreateInput, documentList, documentView, fileQuery, narrativesInput, publishedList, questionInput, replyInput, statusInput,
  templateChangeInput, templateCopyInput, templateList,
} from '../../core/schemas/report-documents.js';
import { boardAssociations } from '../access/report-document-policy.js';
import { contextOf } from '../context.js';
import { sendRenderedFile } from '../exports/file-reply.js';
import { orNotFound } from '../errors.js';
import {
  askQuestion, createDocument, documentFile, listDocuments, listPublished, moveDocument, replyToQuestion, saveDocumentNarratives, viewDocument,
} from './report-document.service.js';
import { changeTemplate, copyTemplate, listTemplates } from './report-template.service.js';

const tags = ['Rapporter till förbundet'];
const answers = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const params = z.object({ id });
const created = z.object({ id });
// Every route needs only intervention:read: who may do what to which report is decided by
// access/report-document-policy.ts, and a report out of reach answers 404.
const permission = 'intervention:read';

export async function reportDocumentRoutes(app: App) {
  app.get('/api/v1/report-templates', {
    config: { permission },
    schema: { tags, summary: 'Rapportmallar: de inbyggda och förbundets egna', response: { 200: templateList } },
    handler: async (request) => listTemplates(contextOf(request, permission)),
  });
  app.post('/api/v1/report-templates', {
    config: { permission },
    schema: { tags, summary: 'Kopiera en mall till förbundet för att anpassa den', body: templateCopyInput, response: { 201: created, ...answers } },
    handler: async (request, reply) => reply.code(201).send(orNotFound(await copyTemplate(contextOf(request, permission), request.body))),
  });
  app.put('/api/v1/report-templates/:id', {
    config: { permission },
    schema: { tags, summary: 'Ändra förbundets mall: rubriker, ordning, vilka avsnitt som skrivs och vilka som är tabeller', params, body: templateChangeInput, response: { 200: created, ...answers } },
    handler: async (request) => orNotFound(await changeTemplate(contextOf(request, permission), request.params.id, request.body)),
  });
  app.get('/api/v1/interventions/:id/report-documents', {
    config: { permission },
    schema: { tags, summary: 'Insatsens rapporter med status', params, response: { 200: documentList, 404: errorBody } },
    handler: async (request) => orNotFound(await listDocuments(contextOf(request, permission), request.params.id)),
  });
  app.post('/api/v1/interventions/:id/report-documents', {
    config: { permission },
    schema: { tags, summary: 'Påbörja en rapport från en mall för en period', params, body: documentCreateInput, response: { 201: created, ...answers } },
    handler: async (request, reply) => reply.code(201).send(orNotFound(await createDocument(contextOf(request, permission), request.params.id, request.body))),
  });
  app.get('/api/v1/report-documents/published', {
    config: { permission },
    schema: { tags, summary: 'Publicerade rapporter för förbundets styrelse', response: { 200: publishedList } },
    handler: async (request) => {
      const ctx = contextOf(request, permission);
      return listPublished(ctx, boardAssociations(ctx.actor));
    },
  });
  app.get('/api/v1/report-documents/:id', {
    config: { permission },
    schema: { tags, summary: 'En rapport: fryst version eller utkast, skillnader mot i dag, frågor och historik', params, response: { 200: documentView, 404: errorBody } },
    handler: async (request) => orNotFound(await viewDocument(contextOf(request, permission), request.params.id)),
  });
  app.put('/api/v1/report-documents/:id/narratives', {
    config: { permission },
    schema: { tags, summary: 'Spara rapportens skrivna avsnitt (vanlig text)', params, body: narrativesInput, response: { 200: created, ...answers } },
    handler: async (request) => orNotFound(await saveDocumentNarratives(contextOf(request, permission), request.params.id, request.body.narratives)),
  });
  app.post('/api/v1/report-documents/:id/status', {
    config: { permission },
    schema: {
      tags, summary: 'Lämna in, återlämna med kommentar, godkänn, publicera eller påbörja en ny version', params, body: statusInput,
      response: { 200: z.object({ id, status: z.string(), version: z.number() }), ...answers },
    },
    handler: async (request) => orNotFound(await moveDocument(contextOf(request, permission), request.params.id, request.body.to, request.body.message)),
  });
  app.post('/api/v1/report-documents/:id/questions', {
    config: { permission },
    schema: { tags, summary: 'Förbundet ställer en fråga som insatsen besvarar i rapporten', params, body: questionInput, response: { 201: created, ...answers } },
    handler: async (request, reply) => reply.code(201).send(orNotFound(await askQuestion(contextOf(request, permission), request.params.id, request.body.question))),
  });
  app.put('/api/v1/report-documents/:id/questions/:questionId/reply', {
    config: { permission },
    schema: { tags, summary: 'Insatsen besvarar förbundets fråga', params: z.object({ id, questionId: id }), body: replyInput, response: { 200: created, ...answers } },
    handler: async (request) => orNotFound(await replyToQuestion(contextOf(request, permission), request.params.id, request.params.questionId, request.body.reply)),
  });
  app.get('/api/v1/report-documents/:id/versions/:version/file', {
    config: { permission },
    schema: {
      tags, summary: 'En inlämnad version som fil (pdf, docx, xlsx eller csv)',
      params: z.object({ id, version: z.coerce.number().int('Ange versionens nummer').min(1, 'Ange versionens nummer').max(100_000, 'Ange versionens nummer') }),
      querystring: fileQuery, response: { 200: z.any().describe('Filen'), 400: errorBody, 404: errorBody },
    },
    handler: async (request, reply) => {
      const { file, stem } = orNotFound(await documentFile(contextOf(request, permission), request.params.id, request.params.version, request.query.format));
      return sendRenderedFile(reply.header('cache-control', 'no-store'), file, stem);
    },
  });
}
