import type { Kysely } from 'kysely';
import { isDatabaseUnavailable } from '../db/pg-errors.js';
import type { Database } from '../db/types.js';

/**
 * Reads open no transaction, so each read's audit rows were a commit of their own, and each commit
 * waits for the disk. Requests that finish together now share one: whatever arrives while a
 * statement is in flight goes into the next, one statement and one commit for all of it. Each
 * caller is answered only when its own rows are committed, so no access goes unrecorded; the first
 * caller after a quiet moment is written at once, so nobody waits for a timer.
 */
export class AuditGroupCommit<Row> {
  private waiting: Array<{ rows: Row[]; settle: (error?: unknown) => void }> = [];
  private writing = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly insert: (db: Kysely<Database>, rows: Row[]) => Promise<void>,
    private readonly rowsPerStatement: number,
  ) {}

  write(rows: Row[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.takeGroup();
      try {
        await this.insert(this.db, group.flatMap((caller) => caller.rows));
        for (const caller of group) caller.settle();
      } catch (error) {
        // One caller's refused rows must not fail the others': each is written again on its own.
        // A database out of reach fails them all at once, not once more each.
        if (group.length === 1 || isDatabaseUnavailable(error)) for (const caller of group) caller.settle(error);
        else await Promise.all(group.map((caller) => this.insert(this.db, caller.rows).then(() => caller.settle(), caller.settle)));
      }
    }
    this.writing = false;
  }

  /** The callers waiting longest, as many as fit one statement (always at least one). */
  private takeGroup() {
    let rows = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || rows + this.waiting[count].rows.length <= this.rowsPerStatement)) {
      rows += this.waiting[count].rows.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }
}
