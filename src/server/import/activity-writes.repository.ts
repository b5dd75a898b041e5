// The writes of an activities import: new workplaces and activities in multi-row statements.
import type { Db } from '../db/connection.js';
import { insertChunks } from './bulk.repository.js';

export type NewWorkplace = { id: string; association_id: string; name: string; org_number: string | null };
export type ActivityInsert = {
  id: string;
  enrolment_id: string;
  person_id: string;
  controller_org_id: string;
  activity_type: string;
  employment_type: string | null;
  extension: boolean;
  workplace_id: string | null;
  start_date: string;
  end_date: string | null;
  hours_per_week: number | null;
  status: 'planned' | 'ongoing' | 'completed';
};

export const insertWorkplaces = (db: Db, rows: NewWorkplace[]) => insertChunks(db, 'workplaces', rows);

export const insertActivities = (db: Db, rows: ActivityInsert[]) => insertChunks(db, 'activities', rows);

/** An activity the importer controls, matched on (enrolment, type, employment type, start). */
export async function updateImportedActivity(db: Db, row: ActivityInsert): Promise<void> {
  const { id, end_date, hours_per_week, workplace_id, extension, status } = row;
  await db.updateTable('activities').set({ end_date, hours_per_week, workplace_id, extension, status, updated_at: new Date() }).where('id', '=', id).execute();
}
