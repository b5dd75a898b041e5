/** Runs `vite build` when src/web, src/core or the build configuration changed since the last build. */
export function buildWebIfNeeded(): Promise<boolean>;
