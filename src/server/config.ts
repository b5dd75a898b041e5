export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Set behind TLS: cookies get `Secure`. */
  secureCookies: boolean;
  logLevel: string;
  /** Small-cell threshold k (domain.md, data-protection model 7). */
  suppressionThreshold: number;
  /**
   * Benchmark only (bench/): skip audit writes to measure what they cost. Never read from the
   * environment; only the benchmark runner sets it. Read in one place: `contextOf`.
   */
  auditDisabledForBenchmark?: boolean;
  /** Reverse proxies (addresses or CIDR) whose X-Forwarded-For is believed; none by default. */
  trustedProxies: string[];
  /**
   * Failed password logins allowed within the window (ASVS 6.3.1): per account from one address,
   * per address over all accounts, and per account from all addresses — beyond that ceiling only
   * addresses without failures in the window get a password check (auth/login-attempts.ts).
   */
  loginLimit: { windowSeconds: number; perAccount: number; perAddress: number; accountCeiling: number };
  /** Single sign-on with OpenID Connect next to password login; null when not configured. */
  oidc: OidcConfig | null;
  /** Requests a minute one client address may make to the participants' survey pages (surveys/survey-limit.ts). */
  surveyRequestsPerMinute: number;
  /** Requests one server process works on at once; beyond it the answer is 503 at once (security/admission.ts). */
  maxRequestsInProgress: number;
};

/**
 * SSO authenticates an existing Stegvis user: the e-mail claim must name an active user of the
 * organisation whose `organisations.code` is in the organisation claim. Roles are never read from
 * the identity provider; they stay Stegvis assignments, so the provider cannot grant rights.
 */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Must be registered at the provider; the callback URL is rebuilt from it, never from Host. */
  redirectUri: string;
  scopes: string;
  emailClaim: string;
  organisationClaim: string;
  /** Allow an http:// issuer on a loopback address (tests, local development); never https-less otherwise. */
  allowHttpLoopback: boolean;
  /** Where the browser goes after a successful sign-on. */
  afterLoginPath: string;
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.STEGVIS_DATA_DIR ?? './data',
    secureCookies: env.STEGVIS_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    suppressionThreshold: Number(env.STEGVIS_SUPPRESSION_K ?? 5),
    trustedProxies: (env.STEGVIS_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean),
    loginLimit: {
      windowSeconds: positiveInt(env.STEGVIS_LOGIN_WINDOW_SECONDS, 60),
      perAccount: positiveInt(env.STEGVIS_LOGIN_MAX_FAILURES_ACCOUNT, 10),
      perAddress: positiveInt(env.STEGVIS_LOGIN_MAX_FAILURES_ADDRESS, 10),
      accountCeiling: positiveInt(env.STEGVIS_LOGIN_ACCOUNT_CEILING, 100),
    },
    oidc: oidcFromEnv(env),
    surveyRequestsPerMinute: positiveInt(env.STEGVIS_SURVEY_REQUESTS_PER_MINUTE, 60),
    maxRequestsInProgress: positiveInt(env.STEGVIS_MAX_REQUESTS_IN_PROGRESS, 200),
  };
}

function positiveInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Ogiltigt värde i miljövariabel: ${value}`);
  return n;
}

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcConfig | null {
  const required = {
    issuer: env.STEGVIS_OIDC_ISSUER,
    clientId: env.STEGVIS_OIDC_CLIENT_ID,
    clientSecret: env.STEGVIS_OIDC_CLIENT_SECRET,
    redirectUri: env.STEGVIS_OIDC_REDIRECT_URI,
  };
  const given = Object.values(required).filter(Boolean).length;
  if (given === 0) return null;
  // Half a configuration is a mistake, not a wish to run without SSO: refuse to start.
  if (given < 4) {
    throw new Error('Inloggning med OpenID Connect kräver STEGVIS_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET och _REDIRECT_URI.');
  }
  return {
    ...(required as Record<keyof typeof required, string>),
    scopes: env.STEGVIS_OIDC_SCOPES ?? 'openid email',
    emailClaim: env.STEGVIS_OIDC_EMAIL_CLAIM ?? 'email',
    organisationClaim: env.STEGVIS_OIDC_ORGANISATION_CLAIM ?? 'organisation',
    allowHttpLoopback: env.STEGVIS_OIDC_ALLOW_HTTP_LOOPBACK === 'true',
    afterLoginPath: env.STEGVIS_OIDC_AFTER_LOGIN_PATH ?? '/',
  };
}
