// The statements of a large write, sent one after another on the transaction's one connection,
// while Node builds the next statement's arrays: the database and Node work at the same time
// instead of taking turns. Order is kept (persons before the enrolments that refer to them), and
// after a failure nothing more is sent (the transaction is aborted anyway).
import type { Db } from '../db/connection.js';

/** Statements built ahead of the one running: enough to keep the database busy, few enough that their arrays do not pile up. */
const AHEAD = 2;

/** A statement built with kysely's `sql` (or any builder) that runs on a given connection. */
type Statement = { execute: (db: Db) => Promise<unknown> };

export class WriteQueue {
  private last: Promise<unknown> = Promise.resolve();
  private readonly pending: Promise<unknown>[] = [];
  private sent = 0;

  constructor(readonly db: Db) {}

  /** Queues the statement and returns once Node may build the next one. */
  async send(statement: Statement): Promise<void> {
    const run = this.last.then(() => statement.execute(this.db));
    // Observed through `last` by the next statement and by drain(); this keeps an early failure from being unhandled meanwhile.
    run.catch(() => {});
    this.last = run;
    this.pending.push(run);
    // A queue's first statement goes out at the next await: a write of one statement (a
    // registration's person) then costs no extra turn of the event loop.
    if (this.sent++ === 0) return;
    if (this.pending.length > AHEAD) await this.pending.shift();
    // Give the event loop a turn so the statement is sent (and answers read) before Node goes on building.
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Waits for every statement sent; throws the first failure. */
  async drain(): Promise<void> {
    this.pending.length = 0;
    await this.last;
  }
}

/** Writes through `target`'s queue, or through a queue of its own that is drained before returning. */
export async function queued<T>(target: Db | WriteQueue, write: (queue: WriteQueue) => Promise<T>): Promise<T> {
  if (target instanceof WriteQueue) return write(target);
  const queue = new WriteQueue(target);
  try {
    return await write(queue);
  } finally {
    await queue.drain();
  }
}
