import { createHash } from 'node:crypto';
import { calendarPeriodName, calendarPeriodOf, parseCalendarPeriod, rangeOf, type CalendarPeriod } from '../../core/figures/periods.js';
import { reportDocumentSchema, type ReportDocument } from '../../core/reports/document.js';
import { differencesBetween } from '../../core/reports/differences.js';
import type { ReportKind, TemplateSection } from '../../core/reports/templates.js';
import { reportStatusLabels, type DocumentCreateInput, type ReportStatusCode } from '../../core/schemas/report-documents.js';
import { reportDocumentCan, reportListCan } from '../access/report-document-policy.js';
import { writeAudit, type AuditAction } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest } from '../errors.js';
import { renderReportDocument } from '../exports/render.js';
import { fillDocument, swedishDate } from './report-document.fill.js';
import { presentDocument, presentSummary } from './report-document.presenter.js';
import * as repo from './report-document.repository.js';
import { readableTemplate } from './report-template.service.js';

type Loaded = { doc: repo.DocumentRow; intervention: repo.ReportIntervention; can: ReturnType<typeof reportDocumentCan> };

/**
 * The document with what the actor may do to it; null — after a denied audit row — when they may
 * not read it, so a report out of reach is answered exactly as one that does not exist.
 */
async function loadDocument(db: Db, ctx: RequestContext, documentId: string, action: AuditAction, lock = false): Promise<Loaded | null> {
  const doc = await (lock ? repo.lockDocument(db, documentId) : repo.findDocument(db, documentId));
  const intervention = doc && (await repo.interventionOfReport(db, doc.intervention_id));
  const can = doc && intervention && reportDocumentCan(ctx.actor, { interventionId: doc.intervention_id, associationId: doc.association_id, status: doc.status, publishedVersion: doc.published_version });
  if (!doc || !intervention || !can?.read) {
    await writeAudit(db, ctx.audit, [{ action, entity: 'report_document', outcome: 'denied', details: { documentId } }]);
    return null;
  }
  return { doc, intervention, can };
}

export async function listDocuments(ctx: RequestContext, interventionId: string) {
  const intervention = await repo.interventionOfReport(ctx.db, interventionId);
  const can = intervention && reportListCan(ctx.actor, { id: intervention.id, associationId: intervention.association_id });
  if (!intervention || !can?.read) {
    await writeAudit(ctx.db, ctx.audit, [{ action: 'list', entity: 'report_document', outcome: 'denied', details: { interventionId } }]);
    return null;
  }
  const rows = (await repo.documentsOfIntervention(ctx.db, interventionId)).filter((d) => can.read === 'all' || d.published_version !== null);
  return { documents: rows.map((d) => presentSummary(d, can.read === 'published')), can: { create: can.create } };
}

/** Published reports of the förbund the actor sits on the board of (or administers). */
export async function listPublished(ctx: RequestContext, associationIds: string[]) {
  return { documents: (await repo.publishedDocuments(ctx.db, associationIds)).map((d) => presentSummary(d, true)) };
}

/** Which periods a kind of report covers: a tertial, a year, the project period, or (delrapport) any of those and a month. */
const periodFits: Record<ReportKind, (p: CalendarPeriod) => boolean> = {
  tertial: (p) => p.kind === 'tertial',
  year: (p) => p.kind === 'year',
  slutrapport: (p) => p.kind === 'project',
  delrapport: () => true,
};
const periodMessages: Record<ReportKind, string> = {
  tertial: 'Välj ett tertial, till exempel 2026-T2',
  year: 'Välj ett år, till exempel 2026',
  slutrapport: 'En slutrapport gäller insatsens projektperiod (project)',
  delrapport: 'Välj en månad, ett tertial, ett kalenderår eller projektperioden',
};

export async function createDocument(ctx: RequestContext, interventionId: string, input: DocumentCreateInput) {
  const intervention = await repo.interventionOfReport(ctx.db, interventionId);
  const can = intervention && reportListCan(ctx.actor, { id: intervention.id, associationId: intervention.association_id });
  const template = can?.read && (await readableTemplate(ctx, input.templateId));
  if (!intervention || !can?.read || !template) {
    await writeAudit(ctx.db, ctx.audit, [{ action: 'create', entity: 'report_document', outcome: 'denied', details: { interventionId } }]);
    return null;
  }
  if (!can.create) throw new AppError('forbidden', 'Bara insatsens ansvariga skriver insatsens rapporter.');
  const project = intervention.end_date ? { from: intervention.start_date, to: intervention.end_date } : null;
  const calendar = input.period !== undefined ? parseCalendarPeriod(input.period) : calendarPeriodOf({ from: input.from!, to: input.to! }, project);
  const range = calendar && rangeOf(calendar, project);
  if (!calendar || !range || !periodFits[template.kind](calendar)) {
    const message = calendar?.kind === 'project' && !range ? 'Insatsen har ingen projektperiod med slutdatum: ange insatsens slutdatum först' : periodMessages[template.kind];
    throw badRequest('Rapportens period går inte att välja.', [{ path: 'period', message }]);
  }
  const period = calendarPeriodName(calendar);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.documentExists(trx, interventionId, template.id, period)) {
      throw new AppError('conflict', 'Det finns redan en rapport med den mallen för perioden.', [{ path: 'period', message: 'Öppna den befintliga rapporten i listan' }]);
    }
    const id = await repo.insertDocument(trx, {
      interventionId, templateId: template.id, templateName: template.name, sections: template.sections, period, from: range.from, to: range.to, createdBy: ctx.actor.userId,
    });
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'report_document', details: { documentId: id, interventionId, period } }]);
    return { id };
  });
}

/**
 * The document as the actor may read it: a draft fills from today's data; a submitted version is
 * shown as frozen, with the figures that differ today. A board member reads the published version.
 */
export async function viewDocument(ctx: RequestContext, documentId: string) {
  const loaded = await loadDocument(ctx.db, ctx, documentId, 'read');
  if (!loaded) return null;
  const { doc, intervention, can } = loaded;
  const shownVersion = can.read === 'published' ? doc.published_version! : doc.status === 'draft' || doc.status === 'returned' ? null : doc.version;
  const version = shownVersion ? await repo.versionOf(ctx.db, doc.id, shownVersion) : null;
  const today = await fillDocument(ctx.db, doc, intervention, { narratives: doc.narratives, version: doc.version + 1, submitted: null });
  const frozen = version ? reportDocumentSchema.parse(JSON.parse(version.content)) : null;
  const differences = frozen ? differencesBetween(doc.sections as TemplateSection[], frozen, today) : [];
  const history = can.read === 'all' ? await repo.eventsOf(ctx.db, doc.id) : [];
  const questions = await repo.questionsOf(ctx.db, doc.id);
  await writeAudit(ctx.db, ctx.audit, [{ action: 'read', entity: 'report_document', details: { documentId, version: shownVersion } }]);
  return presentDocument({ doc, can, version, document: frozen ?? today, differences, history, questions: can.read === 'all' ? questions : [] });
}

export async function saveDocumentNarratives(ctx: RequestContext, documentId: string, narratives: Record<string, string>) {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadDocument(trx, ctx, documentId, 'update', true);
    if (!loaded) return null;
    if (!loaded.can.edit) throw loaded.can.lead ? notEditable(loaded.doc.status) : leadOnly();
    const keys = (loaded.doc.sections as TemplateSection[]).filter((s) => s.content === 'narrative').map((s) => s.key);
    const unknown = Object.keys(narratives).filter((k) => !keys.includes(k));
    if (unknown.length) throw badRequest('Rapporten har inget sådant avsnitt att skriva i.', unknown.map((k) => ({ path: `narratives.${k}`, message: 'Avsnittet finns inte i rapporten' })));
    await repo.saveNarratives(trx, documentId, { ...loaded.doc.narratives, ...narratives });
    await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'report_document', details: { documentId, sections: Object.keys(narratives) } }]);
    return { id: documentId };
  });
}

const leadOnly = () => new AppError('forbidden', 'Rapportens text och svar skrivs av insatsens ansvariga.');
const notEditable = (status: ReportStatusCode) =>
  new AppError('conflict', status === 'submitted' ? 'Rapporten är inlämnad och låst tills förbundet har granskat den.' : 'Rapporten är låst: starta en ny version för att ändra den.');

/**
 * Draft → submitted (the filled document frozen with its sha256, who and when) → returned with a
 * comment (editable again) or approved → published. An approved or published report can be
 * taken back to a draft for a new version; the published version stays what the board reads
 * until a newer one is published.
 */
export async function moveDocument(ctx: RequestContext, documentId: string, to: ReportStatusCode, message: string | null) {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadDocument(trx, ctx, documentId, 'update', true);
    if (!loaded) return null;
    const { doc, intervention, can } = loaded;
    if (!can.moves[to]) throw new AppError('forbidden', `Rapporten kan inte bli ${reportStatusLabels[to].toLowerCase()} nu, eller inte av dig.`);
    if (to === 'returned' && !message) throw badRequest('Skriv vad som ska kompletteras.', [{ path: 'message', message: 'Skriv en kommentar till insatsen' }]);
    let version = doc.version;
    let sha256: string | undefined;
    if (to === 'submitted') {
      version += 1;
      const submitted = { by: ctx.actor.displayName, on: swedishDate(new Date()) };
      const content = JSON.stringify(await fillDocument(trx, doc, intervention, { narratives: doc.narratives, version, submitted }));
      sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
      await repo.insertVersion(trx, doc.id, version, content, sha256, ctx.actor.userId);
    }
    await repo.setStatus(trx, doc.id, to, to === 'published' ? version : undefined);
    await repo.insertEvent(trx, { documentId: doc.id, version, status: to, message, userId: ctx.actor.userId });
    await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'report_document', details: { documentId, from: doc.status, to, version, ...(sha256 && { sha256 }) } }]);
    return { id: documentId, status: to, version };
  });
}

export async function askQuestion(ctx: RequestContext, documentId: string, question: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadDocument(trx, ctx, documentId, 'create', true);
    if (!loaded) return null;
    if (!loaded.can.ask) throw new AppError('forbidden', 'Frågor till insatsen ställs av förbundets administratör.');
    const id = await repo.insertQuestion(trx, documentId, question, ctx.actor.userId);
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'report_document', details: { documentId, questionId: id } }]);
    return { id };
  });
}

export async function replyToQuestion(ctx: RequestContext, documentId: string, questionId: string, reply: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadDocument(trx, ctx, documentId, 'update', true);
    if (!loaded) return null;
    if (!loaded.can.answer) throw loaded.can.lead ? notEditable(loaded.doc.status) : leadOnly();
    if (!(await repo.saveReply(trx, documentId, questionId, reply, ctx.actor.userId))) return null;
    await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'report_document', details: { documentId, questionId } }]);
    return { id: questionId };
  });
}

/** A submitted version as a file (an audited export); a board member gets the published version only. */
export async function documentFile(ctx: RequestContext, documentId: string, version: number, format: 'pdf' | 'docx' | 'xlsx' | 'csv') {
  const loaded = await loadDocument(ctx.db, ctx, documentId, 'export');
  const readable = loaded && (loaded.can.read === 'all' ? version <= loaded.doc.version : version === loaded.doc.published_version);
  const row = readable ? await repo.versionOf(ctx.db, documentId, version) : null;
  if (!loaded || !row) {
    if (loaded) await writeAudit(ctx.db, ctx.audit, [{ action: 'export', entity: 'report_document', outcome: 'denied', details: { documentId, version } }]);
    return null;
  }
  const document: ReportDocument = reportDocumentSchema.parse(JSON.parse(row.content));
  const file = await renderReportDocument(document, format);
  await writeAudit(ctx.db, ctx.audit, [{ action: 'export', entity: 'report_document', details: { documentId, version, format } }]);
  return { file, stem: `${loaded.intervention.code}-${loaded.doc.period}-v${version}` };
}
