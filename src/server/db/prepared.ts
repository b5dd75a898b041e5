import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

// The hot statements of every request (the session, the enrolment view, the list, the audit
// insert, the outcomes count) took longer for PostgreSQL to plan than to run: about 2 ms of
// planning against 0.2 ms of work for one enrolment (bench/notes.md, "API near its floor"). Marked
// statements are prepared once per connection under a name derived from their text, so after a
// few runs PostgreSQL reuses a plan. Only marked ones: each is a statement whose columns are named
// (never `*`, whose plan a migration could change the shape of) and whose number of texts is small.

const marker = '/* prepared */';
/** Appended to a statement (`.modifyEnd(prepared)`, or at the end of a raw one) to prepare it. */
export const prepared = sql.raw(marker);

/** Names kept per connection; past it a marked text runs unnamed (planned each time), as before. */
const namesPerConnection = 500;

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Gives a pooled PostgreSQL client the marked statements' names (db/connection.ts). */
export function prepareMarkedStatements(client: pg.PoolClient | pg.Client): void {
  // Text to name: each text is hashed once per connection, not on every run.
  const names = new Map<string, string>();
  // Looked up on each call, not bound once, so a wrapper of the class's query (the benchmark's
  // statement recorder) still sees every statement.
  const query: Query = (...args) => (Object.getPrototypeOf(client).query as Query).call(client, ...args);
  (client as unknown as { query: Query }).query = (config, values, callback) => {
    if (typeof config === 'string' && config.endsWith(marker) && Array.isArray(values) && values.length > 0) {
      let name = names.get(config);
      if (name === undefined && names.size < namesPerConnection) {
        name = `s_${createHash('sha1').update(config).digest('hex').slice(0, 24)}`;
        names.set(config, name);
      }
      if (name !== undefined) return query({ name, text: config, values }, callback);
    }
    return query(config, values, callback);
  };
}
