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
  };
}
