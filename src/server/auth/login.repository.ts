import type { Db } from '../db/connection.js';

export function findOrganisationByCode(db: Db, code: string) {
  return db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirst();
}

export function findActiveUser(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'oidc_issuer', 'oidc_subject'])
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function subjectTaken(db: Db, issuer: string, subject: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
  return !!row;
}

export async function bindSubject(db: Db, userId: string, issuer: string, subject: string): Promise<void> {
  await db.updateTable('users').set({ oidc_issuer: issuer, oidc_subject: subject }).where('id', '=', userId).execute();
}

/** The password hash of an active account, for the password check only. */
export function findPasswordOf(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).where('active', '=', true).executeTakeFirst();
}
