import type { FastifyBaseLogger } from 'fastify';

type Log = Pick<FastifyBaseLogger, 'error'>;

/**
 * Runs `work` inside the server now and every `everyMs` (unref'd timer; a run still going is not
 * doubled). A failure is logged by name and message only (a driver error's detail can quote a
 * row) as `<what> failed`. Returns a stop function that resolves when a run in progress ends;
 * `work` gets a function telling it that a stop was asked for, so a long run can end early.
 */
export function runInBackground(work: (stopping: () => boolean) => Promise<unknown>, log: Log, what: string, everyMs: number): () => Promise<void> {
  let current: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (current || stopped) return;
    current = work(() => stopped)
      .catch((error: unknown) => {
        const { name, message } = error as { name?: string; message?: string };
        log.error({ err: { name, message } }, `${what} failed`);
      })
      .finally(() => {
        current = null;
      });
  };
  tick();
  const interval = setInterval(tick, everyMs);
  interval.unref();
  return async () => {
    stopped = true;
    clearInterval(interval);
    await current;
  };
}
