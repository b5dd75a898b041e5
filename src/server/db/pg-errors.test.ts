import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './pg-errors.js';

const error = (fields: Record<string, string>) => Object.assign(new Error(fields.message ?? 'x'), fields);

describe('isDatabaseUnavailable', () => {
  it('is true when the database cannot be reached or is shutting down', () => {
    expect(isDatabaseUnavailable(error({ code: 'ECONNREFUSED', syscall: 'connect' }))).toBe(true);
    expect(isDatabaseUnavailable(error({ code: '57P01', message: 'terminating connection due to administrator command' }))).toBe(true);
    expect(isDatabaseUnavailable(error({ code: '57P03', message: 'the database system is starting up' }))).toBe(true);
    expect(isDatabaseUnavailable(error({ code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // The embedded database's socket is gone.
    expect(isDatabaseUnavailable(error({ code: 'ENOENT', syscall: 'connect' }))).toBe(true);
  });

  it('is false for the errors of a query or a missing file', () => {
    expect(isDatabaseUnavailable(error({ code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(error({ code: 'ENOENT', syscall: 'open' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
