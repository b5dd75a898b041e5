import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { FlowSecrets } from './oidc-flows.js';

/** Every way a sign-on can fail, each with its own Swedish answer; none quotes a claim value. */
export const signOnMessages = {
  disabled: 'Inloggning via din organisation är inte aktiverad.',
  unavailable: 'Inloggningstjänsten svarar inte. Försök igen om en stund.',
  flow: 'Inloggningen har gått ut eller startades i en annan webbläsare. Börja om inloggningen.',
  state: 'Svaret från inloggningstjänsten hör inte till den här inloggningen. Börja om inloggningen.',
  denied: 'Inloggningen avbröts hos din organisations inloggningstjänst.',
  expired: 'Inloggningsbeviset från din organisation har gått ut. Börja om inloggningen.',
  audience: 'Inloggningsbeviset är inte utfärdat för Stegvis. Kontakta din administratör.',
  nonce: 'Inloggningsbeviset hör inte till den här inloggningen. Börja om inloggningen.',
  invalid: 'Inloggningen kunde inte verifieras. Börja om inloggningen.',
  claims: 'Inloggningstjänsten lämnade inte ut e-postadress och organisation. Kontakta din administratör.',
  unverified: 'E-postadressen är inte bekräftad hos inloggningstjänsten. Kontakta din administratör.',
  organisation: 'Din organisation är inte ansluten till Stegvis. Kontakta din administratör.',
  user: 'Det finns inget aktivt Stegvis-konto för dig i din organisation. Kontakta din organisations administratör.',
  subject: 'Ditt Stegvis-konto är kopplat till en annan identitet hos inloggningstjänsten. Kontakta din organisations administratör.',
} as const;
export type SignOnReason = keyof typeof signOnMessages;

const codeOf = (reason: SignOnReason): ErrorCode =>
  reason === 'disabled' ? 'not_found' : reason === 'unavailable' ? 'internal' : reason === 'flow' || reason === 'state' ? 'bad_request' : 'unauthenticated';

export class SignOnError extends AppError {
  /** `detail` is the library's error code, for the log; never a claim value. */
  constructor(
    readonly reason: SignOnReason,
    readonly detail?: string,
  ) {
    super(codeOf(reason), signOnMessages[reason]);
  }
}

export type SignOnIdentity = { subject: string; email: string; organisationCode: string };

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);
const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** Discovery once per configuration; a failed discovery is retried at the next sign-on. */
function configurationFor(config: OidcConfig): Promise<client.Configuration> {
  let pending = discovered.get(config);
  if (!pending) {
    const issuer = new URL(config.issuer);
    // Plain http only for a loopback issuer and only when asked for (tests, development): ASVS 12.2.1.
    const insecure = issuer.protocol === 'http:' && config.allowHttpLoopback && loopback.has(issuer.hostname);
    // The ID token's signature is checked against the provider's keys even though it comes over
    // TLS from the token endpoint: ASVS 6.8.2 asks for it always, and it makes tokens evidence.
    const execute = insecure ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks];
    pending = client.discovery(issuer, config.clientId, undefined, client.ClientSecretBasic(config.clientSecret), { execute });
    pending.catch(() => discovered.delete(config));
    discovered.set(config, pending);
  }
  return pending.catch((error: { code?: string }) => {
    throw new SignOnError('unavailable', error?.code);
  });
}

/** The authorization request: code flow with PKCE (S256), state and nonce (ASVS 10.1.2, 10.2.1). */
export async function beginSignOn(config: OidcConfig): Promise<{ url: string; secrets: FlowSecrets }> {
  const oidc = await configurationFor(config);
  const secrets = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(oidc, {
    redirect_uri: config.redirectUri,
    scope: config.scopes,
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, secrets };
}

const sameString = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Validates the authorization response and the ID token: state, issuer, audience, signature,
 * expiry, nonce and PKCE, all by openid-client (ASVS 10.5.1–10.5.3). The callback URL is our
 * configured redirect URI plus the query, never the Host header.
 */
export async function completeSignOn(config: OidcConfig, secrets: FlowSecrets, query: URLSearchParams): Promise<SignOnIdentity> {
  if (!sameString(query.get('state') ?? '', secrets.state)) throw new SignOnError('state');
  if (query.has('error')) throw new SignOnError('denied');
  const oidc = await configurationFor(config);
  const currentUrl = new URL(config.redirectUri);
  currentUrl.search = query.toString();
  try {
    const tokens = await client.authorizationCodeGrant(oidc, currentUrl, {
      pkceCodeVerifier: secrets.codeVerifier,
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    let claims: Record<string, unknown> = idToken;
    // Providers that keep profile claims out of the ID token hand them out at userinfo, bound to the same subject.
    if (idToken[config.emailClaim] === undefined || idToken[config.organisationClaim] === undefined) {
      claims = { ...(await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)), ...idToken };
    }
    const email = claims[config.emailClaim];
    const organisation = claims[config.organisationClaim];
    if (typeof email !== 'string' || typeof organisation !== 'string' || !email.trim() || !organisation.trim()) {
      throw new SignOnError('claims');
    }
    if (claims.email_verified === false) throw new SignOnError('unverified');
    return { subject: idToken.sub, email: email.trim().toLowerCase(), organisationCode: organisation.trim() };
  } catch (error) {
    throw reasonFor(error);
  }
}

/** Maps openid-client's errors to our reasons; their `cause` can hold claims and is never passed on. */
function reasonFor(error: unknown): SignOnError {
  if (error instanceof SignOnError) return error;
  // Only the library's own error code is kept for the log: the provider's texts are not ours to log.
  const e = error as { code?: string; cause?: { claim?: string; cause?: { claim?: string } } };
  const detail = e.code;
  if (error instanceof client.AuthorizationResponseError) return new SignOnError('denied', detail);
  if (e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new SignOnError('expired', detail);
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    const claim = e.cause?.claim ?? e.cause?.cause?.claim;
    if (claim === 'aud' || claim === 'azp') return new SignOnError('audience', detail);
    if (claim === 'nonce') return new SignOnError('nonce', detail);
  }
  if (error instanceof TypeError || e.code === 'OAUTH_TIMEOUT') return new SignOnError('unavailable', detail);
  return new SignOnError('invalid', detail);
}
