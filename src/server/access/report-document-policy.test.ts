import { describe, expect, it } from 'vitest';
import { reportStatuses, type ReportStatusCode } from '../../core/schemas/report-documents.js';
import type { Actor, Assignment } from './actor.js';
import { reportDocumentCan } from './report-document-policy.js';

// Who may do what to a report document in each status (issue 12, items 5–6).

const actor = (role: Assignment['role'], on: Partial<Assignment>): Actor => ({
  userId: 'u', organisationId: 'o', email: 'x@test', displayName: 'X',
  assignments: [{ id: 'a', role, interventionId: null, teamId: null, associationId: null, ...on }],
});
const lead = actor('intervention_lead', { interventionId: 'i1' });
const otherLead = actor('intervention_lead', { interventionId: 'i2' });
const admin = actor('association_admin', { associationId: 'f1' });
const otherAdmin = actor('association_admin', { associationId: 'f2' });
const board = actor('report_reader', { associationId: 'f1' });
const worker = actor('case_worker', { interventionId: 'i1' });
const doc = (status: ReportStatusCode, publishedVersion: number | null = null) => ({ interventionId: 'i1', associationId: 'f1', status, publishedVersion });
const moves = (a: Actor, status: ReportStatusCode) => Object.entries(reportDocumentCan(a, doc(status)).moves).filter(([, ok]) => ok).map(([to]) => to);

describe('reportDocumentCan', () => {
  it('moves a report only along draft → submitted → returned | approved → published, each step by its own role', () => {
    expect(Object.fromEntries(reportStatuses.map((s) => [s, [...moves(lead, s), ...moves(admin, s)]]))).toEqual({
      draft: ['submitted'],
      submitted: ['returned', 'approved'],
      returned: ['submitted'],
      approved: ['draft', 'published'],
      published: ['draft'],
    });
  });

  it('lets the lead write only while the report is a draft or returned, and the förbund ask at any time', () => {
    for (const status of reportStatuses) {
      expect(reportDocumentCan(lead, doc(status)).edit).toBe(status === 'draft' || status === 'returned');
      expect(reportDocumentCan(admin, doc(status))).toMatchObject({ read: 'all', edit: false, answer: false, ask: true });
    }
  });

  it('shows a board member the published version of the own förbund only, and nobody else anything', () => {
    expect(reportDocumentCan(board, doc('draft')).read).toBeNull();
    expect(reportDocumentCan(board, doc('draft', 1)).read).toBe('published');
    for (const outsider of [otherLead, otherAdmin, worker, actor('report_reader', { associationId: 'f2' }), actor('system_admin', {})]) {
      for (const status of reportStatuses) expect(reportDocumentCan(outsider, doc(status, 1)).read).toBeNull();
      expect(Object.values(reportDocumentCan(outsider, doc('submitted', 1)).moves).some(Boolean)).toBe(false);
    }
  });
});
