import type { Kysely } from 'kysely';
import { builtInTemplates } from '../../core/reports/templates.js';
import type { Database } from '../db/types.js';

/**
 * Adds the built-in report templates on migrate, as code lists are added: a missing one is added
 * in one statement; a förbund adapts a copy, so the built-in ones are never changed here.
 */
export async function seedBuiltInTemplates(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('report_templates')
    .values(builtInTemplates.map((t) => ({ code: t.code, kind: t.kind, name: t.name, sections: JSON.stringify(t.sections) })))
    .onConflict((oc) => oc.column('code').where('association_id', 'is', null).doNothing())
    .execute();
}
