import type { Db } from '../db/connection.js';
import { SignOnError, type SignOnIdentity } from './oidc-client.js';

/**
 * Single sign-on authenticates an existing Stegvis user: active, with the e-mail of the claim,
 * in the organisation whose code is in the organisation claim. Rights come from Stegvis
 * assignments only; role claims from the provider are never read (ASVS 8.1.1 — one source of rights).
 * The first sign-on binds the account to the provider's `sub`; later ones must present the same
 * `sub`, so an e-mail address reassigned at the provider does not open the account (ASVS 10.5.2).
 */
export async function findSignOnUser(db: Db, issuer: string, identity: SignOnIdentity): Promise<string> {
  const organisation = await db.selectFrom('organisations').select('id').where('code', '=', identity.organisationCode).executeTakeFirst();
  if (!organisation) throw new SignOnError('organisation');
  const user = await db
    .selectFrom('users')
    .select(['id', 'oidc_issuer', 'oidc_subject'])
    .where('organisation_id', '=', organisation.id)
    .where('email', '=', identity.email)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) throw new SignOnError('user');
  if (user.oidc_issuer === issuer) {
    if (user.oidc_subject !== identity.subject) throw new SignOnError('subject');
    return user.id;
  }
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', identity.subject)
    .executeTakeFirst();
  if (taken) throw new SignOnError('subject');
  await db.updateTable('users').set({ oidc_issuer: issuer, oidc_subject: identity.subject }).where('id', '=', user.id).execute();
  return user.id;
}
