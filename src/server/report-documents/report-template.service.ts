import type { TemplateSection } from '../../core/reports/templates.js';
import { boardAssociations, templateEditors } from '../access/report-document-policy.js';
import { writeAudit } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import { AppError } from '../errors.js';
import { associationsOf, findTemplate, insertTemplate, organisationRefs, templatesFor, updateTemplate, type TemplateRow } from './report-document.repository.js';

/** The förbund whose templates the actor uses: those they administer or read for, and those of the interventions they lead. */
async function associationsOfActor(ctx: RequestContext) {
  const led = ctx.actor.assignments.filter((a) => a.role === 'intervention_lead' && a.interventionId).map((a) => a.interventionId!);
  return [...new Set([...boardAssociations(ctx.actor), ...(await associationsOf(ctx.db, led))])];
}

const present = (row: TemplateRow, editors: string[]) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  association: row.association_id ? { id: row.association_id, code: row.association_code!, name: row.association_name! } : null,
  sections: row.sections as TemplateSection[],
  can: { edit: row.association_id !== null && editors.includes(row.association_id) },
});

export async function listTemplates(ctx: RequestContext) {
  const editors = templateEditors(ctx.actor);
  const rows = await templatesFor(ctx.db, await associationsOfActor(ctx));
  return { templates: rows.map((r) => present(r, editors)), copyTo: await organisationRefs(ctx.db, editors) };
}

/** A template readable by the actor, or null (a förbund's template is not found by others). */
export async function readableTemplate(ctx: RequestContext, templateId: string) {
  const row = await findTemplate(ctx.db, templateId);
  if (!row || (row.association_id !== null && !(await associationsOfActor(ctx)).includes(row.association_id))) return null;
  return row;
}

/** A förbund's copy of a template, to adapt (the förbund's admin only). */
export async function copyTemplate(ctx: RequestContext, input: { basedOn: string; associationId: string; name: string }) {
  const original = await readableTemplate(ctx, input.basedOn);
  if (!original || !templateEditors(ctx.actor).includes(input.associationId)) return null;
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertTemplate(trx, { associationId: input.associationId, basedOn: original.id, kind: original.kind, name: input.name, sections: original.sections as TemplateSection[] });
    await writeAudit(trx, ctx.audit, [{ action: 'create', entity: 'report_template', details: { templateId: id, basedOn: original.id } }]);
    return { id };
  });
}

/** Headings, order, guidance and which sections are written or tables: a förbund's own template only. */
export async function changeTemplate(ctx: RequestContext, templateId: string, input: { name: string; sections: TemplateSection[] }) {
  const row = await readableTemplate(ctx, templateId);
  if (!row) return null;
  if (row.association_id === null || !templateEditors(ctx.actor).includes(row.association_id)) {
    throw new AppError('forbidden', 'Mallar som följer med Stegvis ändras inte: gör en kopia för förbundet och ändra den.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    await updateTemplate(trx, templateId, input.name, input.sections);
    await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'report_template', details: { templateId } }]);
    return { id: templateId };
  });
}
