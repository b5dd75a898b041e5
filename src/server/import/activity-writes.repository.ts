// The writes of an activities import: new workplaces and activities in multi-row statements.
import type { Db } from '../db/connection.js';
import type { ActivityInsert, NewWorkplace } from './activity-import.service.js';
import { insertChunks } from './bulk.repository.js';

export const insertWorkplaces = (db: Db, rows: NewWorkplace[]) => insertChunks(db, 'workplaces', rows);

export const insertActivities = (db: Db, rows: ActivityInsert[]) => insertChunks(db, 'activities', rows);

/** An activity the importer controls, matched on (enrolment, type, employment type, start). */
export async function updateImportedActivity(db: Db, row: ActivityInsert): Promise<void> {
  const { id, end_date, hours_per_week, workplace_id, extension, status } = row;
  await db.updateTable('activities').set({ end_date, hours_per_week, workplace_id, extension, status, updated_at: new Date() }).where('id', '=', id).execute();
}
