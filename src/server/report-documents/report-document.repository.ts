import { sql } from 'kysely';
import type { ReportStatusCode } from '../../core/schemas/report-documents.js';
import type { TemplateSection } from '../../core/reports/templates.js';
import type { Db } from '../db/connection.js';

// Report documents hold no participant data (access/personal-data.ts): the figures they carry are
// computed by the key-figures service, suppressed. Who may read or change one is decided by
// access/report-document-policy.ts on the facts these queries return.

/** The intervention a report is about, whoever asks: the policy decides whether they learn it exists. */
export function interventionOfReport(db: Db, interventionId: string) {
  return db
    .selectFrom('interventions as i')
    .innerJoin('organisations as o', 'o.id', 'i.owner_org_id')
    .leftJoin('organisations as a', 'a.id', 'i.association_id')
    .select(['i.id', 'i.code', 'i.name', 'i.association_id', 'a.name as association_name', 'o.name as owner_name', 'i.start_date', 'i.end_date'])
    .where('i.id', '=', interventionId)
    .executeTakeFirst();
}
export type ReportIntervention = NonNullable<Awaited<ReturnType<typeof interventionOfReport>>>;

/** The owner and every organisation whose staff are assigned to the intervention or its teams. */
export async function partiesOf(db: Db, interventionId: string) {
  return db
    .selectFrom('organisations as o')
    .select(['o.name', sql<boolean>`exists (select 1 from interventions i where i.id = ${interventionId} and i.owner_org_id = o.id)`.as('owner')])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('interventions as i').select('i.id').where('i.id', '=', interventionId).whereRef('i.owner_org_id', '=', 'o.id')),
        eb.exists(
          eb
            .selectFrom('assignments as a')
            .innerJoin('users as u', 'u.id', 'a.user_id')
            .leftJoin('teams as t', 't.id', 'a.team_id')
            .select('a.id')
            .whereRef('u.organisation_id', '=', 'o.id')
            .where((w) => w.or([w('a.intervention_id', '=', interventionId), w('t.intervention_id', '=', interventionId)])),
        ),
      ]),
    )
    .orderBy('o.name')
    .execute();
}

const templateColumns = ['t.id', 't.code', 't.association_id', 't.kind', 't.name', 't.sections', 'a.code as association_code', 'a.name as association_name'] as const;

/** Built-in templates and those of the given förbund. */
export function templatesFor(db: Db, associationIds: string[]) {
  return db
    .selectFrom('report_templates as t')
    .leftJoin('organisations as a', 'a.id', 't.association_id')
    .select(templateColumns)
    .where((eb) => (associationIds.length ? eb.or([eb('t.association_id', 'is', null), eb('t.association_id', 'in', associationIds)]) : eb('t.association_id', 'is', null)))
    .orderBy(sql`t.association_id is not null`)
    .orderBy('t.name')
    .execute();
}
export type TemplateRow = Awaited<ReturnType<typeof templatesFor>>[number];

export function findTemplate(db: Db, templateId: string) {
  return db.selectFrom('report_templates as t').leftJoin('organisations as a', 'a.id', 't.association_id').select(templateColumns).where('t.id', '=', templateId).executeTakeFirst();
}

export async function insertTemplate(db: Db, t: { associationId: string; basedOn: string; kind: TemplateRow['kind']; name: string; sections: TemplateSection[] }) {
  const row = await db
    .insertInto('report_templates')
    .values({ association_id: t.associationId, based_on: t.basedOn, kind: t.kind, name: t.name, sections: JSON.stringify(t.sections) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTemplate(db: Db, templateId: string, name: string, sections: TemplateSection[]) {
  await db.updateTable('report_templates').set({ name, sections: JSON.stringify(sections), updated_at: new Date() }).where('id', '=', templateId).execute();
}

/** Förbund of the given interventions (the templates their leads may use). */
export async function associationsOf(db: Db, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  const rows = await db.selectFrom('interventions').select('association_id').where('id', 'in', interventionIds).where('association_id', 'is not', null).execute();
  return rows.map((r) => r.association_id!);
}

export function organisationRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisations').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('name').execute();
}

function selectDocuments(db: Db) {
  return db
    .selectFrom('report_documents as d')
    .innerJoin('interventions as i', 'i.id', 'd.intervention_id')
    .select([
      'd.id', 'd.intervention_id', 'i.code as intervention_code', 'i.name as intervention_name', 'i.association_id',
      'd.template_id', 'd.template_name', 'd.sections', 'd.period', 'd.period_from', 'd.period_to', 'd.status', 'd.narratives',
      'd.published_version', 'd.updated_at',
      sql<number>`(select coalesce(max(v.version), 0) from report_document_versions v where v.document_id = d.id)`.as('version'),
    ]);
}
export type DocumentRow = Awaited<ReturnType<typeof findDocument>> & {};

export function findDocument(db: Db, documentId: string) {
  return selectDocuments(db).where('d.id', '=', documentId).executeTakeFirst();
}

/** Locks the document row for a change, so two transitions never both start from the same status. */
export function lockDocument(db: Db, documentId: string) {
  return selectDocuments(db).where('d.id', '=', documentId).forUpdate('d').executeTakeFirst();
}

export function documentsOfIntervention(db: Db, interventionId: string) {
  return selectDocuments(db).where('d.intervention_id', '=', interventionId).orderBy('d.period_from', 'desc').orderBy('d.template_name').execute();
}

export function publishedDocuments(db: Db, associationIds: string[]) {
  if (associationIds.length === 0) return Promise.resolve([]);
  return selectDocuments(db).where('i.association_id', 'in', associationIds).where('d.published_version', 'is not', null).orderBy('d.period_from', 'desc').orderBy('i.name').execute();
}

export async function documentExists(db: Db, interventionId: string, templateId: string, period: string) {
  return !!(await db.selectFrom('report_documents').select('id').where('intervention_id', '=', interventionId).where('template_id', '=', templateId).where('period', '=', period).executeTakeFirst());
}

export async function insertDocument(db: Db, d: { interventionId: string; templateId: string; templateName: string; sections: unknown; period: string; from: string; to: string; createdBy: string }) {
  const row = await db
    .insertInto('report_documents')
    .values({
      intervention_id: d.interventionId, template_id: d.templateId, template_name: d.templateName, sections: JSON.stringify(d.sections),
      period: d.period, period_from: d.from, period_to: d.to, created_by: d.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function saveNarratives(db: Db, documentId: string, narratives: Record<string, string>) {
  await db.updateTable('report_documents').set({ narratives: JSON.stringify(narratives), updated_at: new Date() }).where('id', '=', documentId).execute();
}

export async function setStatus(db: Db, documentId: string, status: ReportStatusCode, publishedVersion?: number) {
  await db
    .updateTable('report_documents')
    .set({ status, updated_at: new Date(), ...(publishedVersion !== undefined && { published_version: publishedVersion }) })
    .where('id', '=', documentId)
    .execute();
}

export function versionOf(db: Db, documentId: string, version: number) {
  return db
    .selectFrom('report_document_versions as v')
    .innerJoin('users as u', 'u.id', 'v.submitted_by')
    .select(['v.version', 'v.content', 'v.sha256', 'u.display_name as submitted_by', 'v.submitted_at'])
    .where('v.document_id', '=', documentId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export async function insertVersion(db: Db, documentId: string, version: number, content: string, sha256: string, userId: string) {
  await db.insertInto('report_document_versions').values({ document_id: documentId, version, content, sha256, submitted_by: userId }).execute();
}

export async function insertEvent(db: Db, e: { documentId: string; version: number; status: ReportStatusCode; message: string | null; userId: string }) {
  await db.insertInto('report_document_events').values({ document_id: e.documentId, version: e.version, to_status: e.status, message: e.message, actor_user_id: e.userId }).execute();
}

export function eventsOf(db: Db, documentId: string) {
  return db
    .selectFrom('report_document_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.version', 'e.to_status', 'e.message', 'u.display_name', 'e.at'])
    .where('e.document_id', '=', documentId)
    .orderBy('e.at')
    .orderBy('e.version')
    .execute();
}

export function questionsOf(db: Db, documentId: string) {
  return db.selectFrom('report_document_questions').select(['id', 'question', 'asked_at', 'reply', 'replied_at']).where('document_id', '=', documentId).orderBy('asked_at').execute();
}

export async function insertQuestion(db: Db, documentId: string, question: string, userId: string) {
  return (await db.insertInto('report_document_questions').values({ document_id: documentId, question, asked_by: userId }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets the reply; false when the question is not the document's. */
export async function saveReply(db: Db, documentId: string, questionId: string, reply: string, userId: string) {
  const result = await db
    .updateTable('report_document_questions')
    .set({ reply, replied_by: userId, replied_at: new Date() })
    .where('document_id', '=', documentId)
    .where('id', '=', questionId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function userName(db: Db, userId: string) {
  return (await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow()).display_name;
}
