import type { ReportStatusCode } from '../../core/schemas/report-documents.js';
import { associationIdsFor, type Actor } from './actor.js';

/** What the rule needs to know of a report document. */
export type ReportDocumentFacts = { interventionId: string; associationId: string | null; status: ReportStatusCode; publishedVersion: number | null };

const leadOf = (actor: Actor, interventionId: string) =>
  actor.assignments.some((a) => a.role === 'intervention_lead' && a.interventionId === interventionId);
const adminOf = (actor: Actor, associationId: string | null) => associationId !== null && associationIdsFor(actor, 'association_admin').includes(associationId);
const boardOf = (actor: Actor, associationId: string | null) => associationId !== null && associationIdsFor(actor, 'report_reader').includes(associationId);

/**
 * Report documents (issue 12, items 5–6). The lead of the intervention itself drafts, writes,
 * answers the förbund's questions and submits; the admin of its förbund follows the report in
 * every status, asks questions, returns with a comment, approves and publishes; a board member
 * (report_reader) of that förbund reads the published version only. Nobody else learns that a
 * report exists (answered as not found). The figures inside are always suppressed: a report is
 * written for the förbund and its board.
 *
 * `read`: 'all' (every status and version), 'published' (the published version), or null.
 */
export function reportDocumentCan(actor: Actor, d: ReportDocumentFacts) {
  const lead = leadOf(actor, d.interventionId);
  const admin = adminOf(actor, d.associationId);
  const read: 'all' | 'published' | null = lead || admin ? 'all' : boardOf(actor, d.associationId) && d.publishedVersion !== null ? 'published' : null;
  const editable = d.status === 'draft' || d.status === 'returned';
  return {
    read,
    /** The lead of the intervention: whose refused write is about the status, not the role. */
    lead,
    edit: lead && editable,
    answer: lead && editable,
    ask: admin,
    /** Which status each may move the document to from where it is. */
    moves: {
      submitted: lead && editable,
      draft: lead && (d.status === 'approved' || d.status === 'published'),
      returned: admin && d.status === 'submitted',
      approved: admin && d.status === 'submitted',
      published: admin && d.status === 'approved',
    } satisfies Record<ReportStatusCode, boolean>,
  };
}

/** May the actor start a report for this intervention (its own lead), and list its reports (anyone who may read one). */
export function reportListCan(actor: Actor, intervention: { id: string; associationId: string | null }) {
  const lead = leadOf(actor, intervention.id);
  return {
    create: lead,
    read: lead || adminOf(actor, intervention.associationId) ? ('all' as const) : boardOf(actor, intervention.associationId) ? ('published' as const) : null,
  };
}

/** The förbund whose published reports the actor reads as a board member or administrator. */
export const boardAssociations = (actor: Actor) => [...new Set([...associationIdsFor(actor, 'report_reader'), ...associationIdsFor(actor, 'association_admin')])];

/** Templates: everyone reads the built-in ones and those of the förbund they work for; a förbund's admin copies and adapts its own. */
export const templateEditors = (actor: Actor) => associationIdsFor(actor, 'association_admin');
