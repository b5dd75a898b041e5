/**
 * Rows one statement carries when each column travels as one array parameter: large writes
 * (an import's rows, their audit events) go in statements of this many, so no single array
 * grows without bound and PostgreSQL sees a few large statements instead of many small ones.
 */
export const ROWS_PER_STATEMENT = 10_000;
