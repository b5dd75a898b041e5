import type { Db } from '../db/connection.js';
import { SignOnError, type SignOnIdentity } from './oidc-client.js';
import { bindSubject, findActiveUser, findOrganisationByCode, subjectTaken } from './login.repository.js';

/**
 * Single sign-on authenticates an existing Stegvis user: active, with the e-mail of the claim,
 * in the organisation whose code is in the organisation claim. Rights come from Stegvis
 * assignments only; role claims from the provider are never read (ASVS 8.1.1 — one source of rights).
 * The first sign-on binds the account to the provider's `sub`; later ones must present the same
 * `sub`, so an e-mail address reassigned at the provider does not open the account (ASVS 10.5.2).
 */
export async function findSignOnUser(db: Db, issuer: string, identity: SignOnIdentity): Promise<string> {
  const organisation = await findOrganisationByCode(db, identity.organisationCode);
  if (!organisation) throw new SignOnError('organisation');
  const user = await findActiveUser(db, organisation.id, identity.email);
  if (!user) throw new SignOnError('user');
  if (user.oidc_issuer === issuer) {
    if (user.oidc_subject !== identity.subject) throw new SignOnError('subject');
    return user.id;
  }
  if (await subjectTaken(db, issuer, identity.subject)) throw new SignOnError('subject');
  await bindSubject(db, user.id, issuer, identity.subject);
  return user.id;
}
