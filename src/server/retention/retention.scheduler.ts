import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.js';
import { runRetention } from './retention.service.js';

const day = 24 * 60 * 60 * 1000;

export type RetentionScheduleOptions = {
  /** Delay before the first run; by default the next 03:00 in Sweden, when little else runs. */
  firstRunInMs?: number;
  everyMs?: number;
};

type Log = Pick<FastifyBaseLogger, 'info' | 'error'>;

/** Milliseconds from `now` to the next `hour`:00 Swedish time (a DST change shifts one run by an hour). */
export function msUntilSwedishHour(hour: number, now: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .formatToParts(now)
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const seconds = parts.hour * 3600 + parts.minute * 60 + parts.second;
  const wait = (hour * 3600 - seconds + 86_400) % 86_400 || 86_400;
  return wait * 1000 - now.getMilliseconds();
}

/**
 * Runs retention (data-protection model 8) once a day inside the server. Timers are unref'd, so
 * they never keep the process alive; a run still going when the next is due is not doubled, and
 * several servers on one database take turns (runRetention's lock) and find nothing left to do.
 * Logs counts only, never who. Returns a stop function that resolves when a run in progress ends.
 */
export function startRetentionSchedule(db: Db, log: Log, options: RetentionScheduleOptions = {}): () => Promise<void> {
  let current: Promise<void> | null = null;
  let stopped = false;
  let interval: NodeJS.Timeout | null = null;
  const tick = () => {
    if (current || stopped) return;
    current = runRetention(db)
      .then((result) => log.info({ retention: { runId: result.runId, organisations: result.items.length, removed: result.totalRemoved } }, 'retention run'))
      .catch((error: unknown) => {
        // Name and message only: a driver error's detail can quote a row.
        const { name, message } = error as { name?: string; message?: string };
        log.error({ err: { name, message } }, 'retention run failed');
      })
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, options.everyMs ?? day);
    interval.unref();
  }, options.firstRunInMs ?? msUntilSwedishHour(3));
  first.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    if (interval) clearInterval(interval);
    await current;
  };
}
