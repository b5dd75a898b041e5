import type { App } from '../server/app.js';
import { testRedirectUri } from './oidc-provider.js';

export type SignOnOptions = {
  /** Change the authorization request on its way to the provider (e.g. a forged nonce). */
  editAuthorizationUrl?: (url: URL) => void;
  /** Change the provider's answer on its way back to Stegvis (e.g. a forged state). */
  editCallbackUrl?: (url: URL) => void | Promise<unknown>;
  /** The flow cookie to send back; null sends none (another browser). */
  flowCookie?: string | null;
  /** A Stegvis session cookie the browser already holds. */
  sessionCookie?: string;
};

/**
 * A browser signing in: Stegvis start (inject) → the provider over real HTTP, following its
 * redirects with a cookie jar → the callback back at Stegvis (inject), with the flow cookie.
 */
export async function browseSignOn(app: App, options: SignOnOptions = {}) {
  const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  if (start.statusCode !== 303) throw new Error(`start answered ${start.statusCode}: ${start.body}`);
  const flowCookie = start.cookies.find((c) => c.name === 'stegvis_oidc')!.value;
  let url = new URL(String(start.headers.location));
  options.editAuthorizationUrl?.(url);
  const jar = new Map<string, string>();
  for (let hops = 0; !url.href.startsWith(testRedirectUri); hops++) {
    if (hops > 10) throw new Error('too many redirects at the identity provider');
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0];
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    const body = await response.text();
    if (!location) throw new Error(`identity provider answered ${response.status} without a redirect: ${body.slice(0, 300)}`);
    url = new URL(location, url);
  }
  await options.editCallbackUrl?.(url);
  const cookies: Record<string, string> = {};
  if (options.flowCookie !== null) cookies.stegvis_oidc = options.flowCookie ?? flowCookie;
  if (options.sessionCookie) cookies.stegvis_session = options.sessionCookie;
  const callback = await app.inject({ method: 'GET', url: url.pathname + url.search, cookies });
  return { start, callback, callbackUrl: url, flowCookie };
}
