// PostgreSQL SQLSTATE codes the services turn into answers. They come through `pg` the same way
// from the PostgreSQL server and from the embedded database.
const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;

/** A UNIQUE constraint refused the row: another request got there first. */
export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';

/** A CHECK constraint or a trigger raising check_violation refused the row. */
export const isCheckViolation = (error: unknown) => sqlState(error) === '23514';
