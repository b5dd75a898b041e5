export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'password_change_required'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export type FieldError = { path: string; message: string };

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The one error type: mapped to HTTP in one handler, never carrying SQL, stacks or other tenants' ids. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

/** Out of scope answers exactly as missing (data-protection model 4). */
export const notFound = () => new AppError('not_found', 'Uppgiften finns inte.');

/** A service's null (out of scope or missing, already audited) as the answer not found. */
export function orNotFound<T>(value: T | null): T {
  if (value === null) throw notFound();
  return value;
}
export const forbidden = () => new AppError('forbidden', 'Din roll saknar behörighet för detta.');
export const badRequest = (message: string, errors: FieldError[] = []) =>
  new AppError('bad_request', message, errors);
