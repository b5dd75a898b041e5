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
