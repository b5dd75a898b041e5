import type { ReportDocument } from '../../core/reports/document.js';
import { reportPeriodLabel, reportTitle } from '../../core/reports/fill.js';
import type { Difference } from '../../core/reports/differences.js';
import type { TemplateSection } from '../../core/reports/templates.js';
import type { reportDocumentCan } from '../access/report-document-policy.js';
import type { DocumentRow, eventsOf, questionsOf, versionOf } from './report-document.repository.js';

type Row = Omit<DocumentRow, 'narratives' | 'sections'>;

/** A report in a list; a board member sees it as published (status and version of what they read). */
export function presentSummary(d: Row, asPublished: boolean) {
  return {
    id: d.id,
    title: reportTitle(d.template_name, reportPeriodLabel(d.period), d.intervention_name),
    intervention: { id: d.intervention_id, code: d.intervention_code, name: d.intervention_name },
    templateName: d.template_name,
    period: d.period,
    from: d.period_from,
    to: d.period_to,
    status: asPublished ? ('published' as const) : d.status,
    version: asPublished ? d.published_version! : Number(d.version),
    publishedVersion: d.published_version,
    updatedAt: new Date(d.updated_at).toISOString(),
  };
}

export function presentDocument(p: {
  doc: DocumentRow;
  can: ReturnType<typeof reportDocumentCan>;
  version: Awaited<ReturnType<typeof versionOf>> | null;
  document: ReportDocument;
  differences: Difference[];
  history: Awaited<ReturnType<typeof eventsOf>>;
  questions: Awaited<ReturnType<typeof questionsOf>>;
}) {
  const { doc, can, version } = p;
  const board = can.read === 'published';
  return {
    ...presentSummary(doc, board),
    title: p.document.title,
    shown: version ? { version: version.version, sha256: version.sha256, submittedBy: version.submitted_by, submittedAt: new Date(version.submitted_at).toISOString() } : null,
    document: p.document,
    sections: doc.sections as TemplateSection[],
    narratives: board ? {} : doc.narratives,
    questions: p.questions.map((q) => ({ id: q.id, question: q.question, askedAt: new Date(q.asked_at).toISOString(), reply: q.reply, repliedAt: q.replied_at ? new Date(q.replied_at).toISOString() : null })),
    history: p.history.map((e) => ({ version: e.version, status: e.to_status, message: e.message, by: e.display_name, at: new Date(e.at).toISOString() })),
    differences: p.differences,
    can: { edit: can.edit, submit: can.moves.submitted, return: can.moves.returned, approve: can.moves.approved, publish: can.moves.published, newVersion: can.moves.draft, ask: can.ask, answer: can.answer },
  };
}
