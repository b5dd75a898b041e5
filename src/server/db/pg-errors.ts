// PostgreSQL SQLSTATE codes the services turn into answers. They come through `pg` the same way
// from the PostgreSQL server and from the embedded database.
const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;

/** A UNIQUE constraint refused the row: another request got there first. */
export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';

/** A CHECK constraint or a trigger raising check_violation refused the row. */
export const isCheckViolation = (error: unknown) => sqlState(error) === '23514';

/**
 * The database refused a character in text: NUL (invalid byte sequence, 22021) or a character the
 * database encoding cannot hold (22P05). The schemas refuse these first; this catches the rest.
 */
export const isForbiddenCharacterError = (error: unknown) => ['22021', '22P05'].includes(sqlState(error) ?? '');

// Socket errors of the driver, and SQLSTATE class 08 (connection exception) and the 57P0x
// shutdowns (admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped).
// ENOENT only from connect: the embedded database's socket is gone (a missing file is no outage).
const unreachable = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);
// Thrown by `pg` without a code when the server closes a connection in use.
const droppedConnection = /^Connection terminated|connection timeout|Client has encountered a connection error/i;

/**
 * The database cannot be reached or is shutting down: the request could not be served now, but
 * nothing it began was committed (a transaction cut off is rolled back by the server).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = sqlState(error);
  if (code !== undefined && (unreachable.has(code) || code.startsWith('08'))) return true;
  const { message, syscall } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; syscall?: unknown };
  if (code === 'ENOENT' && syscall === 'connect') return true;
  return typeof message === 'string' && droppedConnection.test(message);
}
