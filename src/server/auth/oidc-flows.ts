import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.js';

/** How long a sign-on may take at the identity provider before it must be started again. */
export const flowTtlMs = 10 * 60 * 1000;
export const flowCookie = 'stegvis_oidc';
/** `__Secure-` behind TLS (the cookie's path is not /, so `__Host-` cannot be used): ASVS 3.3.1. */
export const flowCookieName = (secure: boolean) => (secure ? `__Secure-${flowCookie}` : flowCookie);

const hash = (id: string) => createHash('sha256').update(id).digest('hex');

export type FlowSecrets = { state: string; nonce: string; codeVerifier: string };

/** Stores state, nonce and PKCE verifier server-side; the browser gets only a random id (ASVS 10.1.2). */
export async function saveFlow(db: Db, secrets: FlowSecrets): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.deleteFrom('oidc_flows').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('oidc_flows')
    .values({
      id_hash: hash(id),
      state: secrets.state,
      nonce: secrets.nonce,
      code_verifier: secrets.codeVerifier,
      expires_at: new Date(Date.now() + flowTtlMs),
    })
    .execute();
  return id;
}

/** Takes the flow once: it is deleted whatever the outcome, so an answer cannot be replayed. */
export async function takeFlow(db: Db, id: string | undefined): Promise<FlowSecrets | null> {
  if (!id) return null;
  const row = await db
    .deleteFrom('oidc_flows')
    .where('id_hash', '=', hash(id))
    .returning(['state', 'nonce', 'code_verifier', 'expires_at'])
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= Date.now()) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}
