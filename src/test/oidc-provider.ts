import http from 'node:http';
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcConfig } from '../server/config.js';

/** `sub` defaults to one derived from the e-mail address: the same person, the same subject. */
export type TestAccount = { sub?: string; email?: string; email_verified?: boolean; org?: string; roles?: string[] };
/** Rewrites the ID token's claims in the token response, re-signed with the provider's own key. */
export type IdTokenTamper = (claims: Record<string, unknown>) => Record<string, unknown>;
/** Whose signature the rewritten token carries: the provider's key, another key with the same kid, or none. */
export type Signer = 'provider' | 'impostor' | 'unsigned';

export type TestIdentityProvider = {
  issuer: string;
  /** The Stegvis configuration that trusts this provider. */
  oidcConfig: OidcConfig;
  /** Who signs in at the provider next (the test's "user at the keyboard"). */
  signInAs: (account: TestAccount) => void;
  tamperIdToken: (tamper: IdTokenTamper | null, signer?: Signer) => void;
  close: () => Promise<void>;
};

export const testClientId = 'stegvis-test';
export const testRedirectUri = 'http://stegvis.test/api/v1/auth/oidc/callback';
const clientSecret = 'en-lang-hemlighet-som-bara-testerna-kanner-till';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function resign(jwt: string, key: KeyObject | null, tamper: IdTokenTamper): string {
  const [header, payload] = jwt.split('.');
  const claims = tamper(JSON.parse(Buffer.from(payload, 'base64url').toString()));
  if (!key) return `${b64({ alg: 'none' })}.${b64(claims)}.`;
  const signingInput = `${header}.${b64(claims)}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), key).toString('base64url')}`;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port: code flow with PKCE, signed
 * ID tokens, userinfo. Sign-in and consent are automatic for the account set with `signInAs`.
 */
export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const signingKey = createPrivateKey({ key: jwk, format: 'jwk' });
  const impostorKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  let account: TestAccount = {};
  let tamper: IdTokenTamper | null = null;
  let signer: Signer = 'provider';

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: testClientId, client_secret: clientSecret, redirect_uris: [testRedirectUri], token_endpoint_auth_method: 'client_secret_basic' }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key'] },
    scopes: ['openid', 'email', 'stegvis'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], stegvis: ['org', 'roles'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ ...account, sub }) }),
    // First-party client: consent is implied, as at an organisation's own identity provider.
    loadExistingGrant: async (ctx: any) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email stegvis');
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (_ctx: unknown, err: unknown) => { if (process.env.DEBUG_IDP) console.error('idp server_error', err); });
  provider.on('authorization.error', (_ctx: unknown, err: unknown) => { if (process.env.DEBUG_IDP) console.error('idp authorization.error', err); });
  const handle = provider.callback();

  server.on('request', async (req, res) => {
    try {
      if (req.url?.startsWith('/interaction/')) {
        await provider.interactionDetails(req, res);
        const accountId = account.sub ?? `konto-${account.email ?? 'okand'}`;
        return await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      }
      if (req.url === '/token' && tamper) {
        const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
        const rewrite = tamper;
        const key = signer === 'provider' ? signingKey : signer === 'impostor' ? impostorKey : null;
        res.end = ((chunk?: unknown) => {
          const body = JSON.parse(String(chunk));
          if (body.id_token) body.id_token = resign(body.id_token, key, rewrite);
          const text = JSON.stringify(body);
          res.setHeader('content-length', Buffer.byteLength(text));
          return end(text);
        }) as typeof res.end;
      }
      handle(req, res);
    } catch {
      res.statusCode = 500;
      res.end();
    }
  });

  return {
    issuer,
    oidcConfig: {
      issuer,
      clientId: testClientId,
      clientSecret,
      redirectUri: testRedirectUri,
      scopes: 'openid email stegvis',
      emailClaim: 'email',
      organisationClaim: 'org',
      allowHttpLoopback: true,
      afterLoginPath: '/',
    },
    signInAs: (next) => {
      account = next;
    },
    tamperIdToken: (next, by = 'provider') => {
      tamper = next;
      signer = by;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
