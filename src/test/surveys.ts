import { expect } from 'vitest';
import type { App } from '../server/app.js';
import type { Client } from './http.js';

// Shared steps of the survey tests: enrol, send, and answer as the participant would (a form post).

let serial = 0;

export async function enrol(client: Client, interventionId: string, options: { gender?: string; consentParties?: string[] } = {}) {
  serial += 1;
  const created = await client.post('/api/v1/enrolments', {
    mode: 'consent',
    interventionId,
    gender: options.gender ?? 'woman',
    startDate: '2024-02-01',
    person: { participantRef: `ENK-${serial}-${Math.random().toString(36).slice(2, 8)}`, firstName: 'Enkät', lastName: `Svarsson${serial}` },
    consent: { givenDate: '2024-02-01', method: 'written', partyIds: options.consentParties ?? [] },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

export async function send(client: Client, enrolmentId: string, variant: 'start' | 'during' | 'exit') {
  const sent = await client.post(`/api/v1/enrolments/${enrolmentId}/surveys`, { variant });
  expect(sent.status).toBe(201);
  return tokenOf(sent.body.url);
}

export const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

/** The question ids of the page, from its form fields, by the order they are asked. */
export async function pageQuestions(app: App, token: string, language = 'sv') {
  const page = await app.inject({ method: 'GET', url: `/enkat/${token}?sprak=${language}` });
  expect(page.statusCode).toBe(200);
  return { html: page.body, ids: [...new Set([...page.body.matchAll(/name="q([0-9a-f-]{36})"/g)].map((m) => m[1]))] };
}

export function answer(app: App, token: string, fields: [string, string][]) {
  return app.inject({
    method: 'POST',
    url: `/enkat/${token}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}
