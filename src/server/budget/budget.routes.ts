import { z } from 'zod';
import type { App } from '../app.js';
import { budgetInput, budgetView, costImportErrorBody, costImportInput, costImportQuery, costImportResult, monthCostsInput } from '../../core/schemas/budget.js';
import { errorBody, id } from '../../core/schemas/common.js';
import { contextOf } from '../context.js';
import { getBudget, importCosts, removeMonthCosts, setBudget, setMonthCosts } from './budget.service.js';

const tags = ['Mål och budget'];
const year = z.coerce.number().int().min(2000, 'Välj ett år från 2000').max(2100, 'Välj ett år till och med 2100');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Skriv månaden som ÅÅÅÅ-MM');
const answers = { 400: errorBody, 403: errorBody, 404: errorBody };

// Writes are decided by access/goals-policy.ts (the lead of the intervention or the förbund's admin).
export async function budgetRoutes(app: App) {
  app.get('/api/v1/interventions/:id/budget', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Beviljade medel, budget mot utfall per kostnadsslag och kostnadsmått för ett år', params: z.object({ id }), querystring: z.object({ year }), response: { 200: budgetView, 400: errorBody, 404: errorBody } },
    handler: async (request) => getBudget(contextOf(request, 'intervention:read'), request.params.id, request.query.year),
  });
  app.put('/api/v1/interventions/:id/budget/:year', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Ange årets beviljade medel och budget per kostnadsslag', params: z.object({ id, year }), body: budgetInput, response: { 200: z.object({ year: z.number() }), ...answers } },
    handler: async (request) => setBudget(contextOf(request, 'intervention:read'), request.params.id, request.params.year, request.body),
  });
  app.put('/api/v1/interventions/:id/costs/:month', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Ange en månads kostnader per kostnadsslag', params: z.object({ id, month }), body: monthCostsInput, response: { 200: z.object({ month: z.string() }), ...answers } },
    handler: async (request) => setMonthCosts(contextOf(request, 'intervention:read'), request.params.id, request.params.month, request.body.costs),
  });
  app.delete('/api/v1/interventions/:id/costs/:month', {
    config: { permission: 'intervention:read' },
    schema: { tags, summary: 'Ta bort en månads alla kostnader', params: z.object({ id, month }), response: { 200: z.object({ month: z.string() }), ...answers } },
    handler: async (request) => removeMonthCosts(contextOf(request, 'intervention:read'), request.params.id, request.params.month),
  });
  app.post('/api/v1/interventions/:id/costs/import', {
    config: { permission: 'intervention:read' },
    schema: {
      tags,
      summary: 'Importera kostnader från ekonomisystemets CSV-export (docs/finance-costs-csv.md); dryRun=true kontrollerar filen utan att spara',
      params: z.object({ id }),
      querystring: costImportQuery,
      body: costImportInput,
      response: { 200: costImportResult, 400: costImportErrorBody, 403: errorBody, 404: errorBody },
    },
    handler: async (request) => importCosts(contextOf(request, 'intervention:read'), request.params.id, request.body.csv, request.query.dryRun === 'true'),
  });
}
