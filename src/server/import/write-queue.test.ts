import { describe, expect, it } from 'vitest';
import type { Db } from '../db/connection.js';
import { queued, WriteQueue } from './write-queue.js';

const db = {} as Db;

/** A statement that records when it starts and ends, taking `ms`, and fails when told. */
function statement(log: string[], name: string, ms: number, fail = false) {
  return {
    execute: async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(`${name} failed`);
    },
  };
}

describe('a write queue', () => {
  it('runs its statements one at a time, in the order sent, while the sender goes on', async () => {
    const log: string[] = [];
    const queue = new WriteQueue(db);
    await queue.send(statement(log, 'a', 20));
    log.push('building b');
    await queue.send(statement(log, 'b', 5));
    await queue.send(statement(log, 'c', 5));
    await queue.drain();
    expect(log.indexOf('building b')).toBeLessThan(log.indexOf('end a'));
    expect(log.filter((entry) => !entry.startsWith('building'))).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('sends nothing after a failure, and drain throws that failure', async () => {
    const log: string[] = [];
    const queue = new WriteQueue(db);
    await queue.send(statement(log, 'a', 5, true));
    await queue.send(statement(log, 'b', 5)).catch(() => {});
    await expect(queue.drain()).rejects.toThrow('a failed');
    expect(log).toEqual(['start a', 'end a']);
  });

  it('through queued() on a bare connection, returns only after every statement ran', async () => {
    const log: string[] = [];
    await queued(db, async (queue) => {
      for (const name of ['a', 'b', 'c', 'd']) await queue.send(statement(log, name, 5));
    });
    expect(log.at(-1)).toBe('end d');
    await expect(queued(db, (queue) => queue.send(statement(log, 'e', 1, true)))).rejects.toThrow('e failed');
  });
});
