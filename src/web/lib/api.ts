// The one way the web app talks to the API: same origin, session cookie, CSRF token on writes,
// and one error type carrying the server's Swedish message and field errors.
import { t } from '../i18n/sv';

export type FieldError = { path: string; message: string };
export type RowError = { row: number; column: string; reason: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly rowErrors: RowError[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Called when the server says the session is gone (idle, expired or logged out elsewhere). */
let onUnauthenticated: (() => void) | null = null;
export const setUnauthenticatedHandler = (handler: () => void) => {
  onUnauthenticated = handler;
};

/** When the API was last used, to tell the user the session has gone idle before they lose work. */
export let lastActivity = Date.now();

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, url: string, body?: unknown, init: { contentType?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    headers['content-type'] = init.contentType ?? 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', t.common.networkError);
  }
  lastActivity = Date.now();
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, data, url);
  return data as T;
}

export function toApiError(status: number, data: unknown, url: string): ApiError {
  const body = (data ?? {}) as { code?: string; message?: string; errors?: unknown[] };
  if (status === 401 && !url.endsWith('/auth/login') && onUnauthenticated) onUnauthenticated();
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const rowErrors = errors.filter((e): e is RowError => typeof (e as RowError)?.row === 'number');
  const fieldErrors = errors.filter((e): e is FieldError => typeof (e as FieldError)?.path === 'string');
  const message = body.message ?? (status >= 500 ? t.common.serverError : t.common.serverError);
  return new ApiError(status, body.code ?? 'error', message, fieldErrors, rowErrors);
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const put = <T>(url: string, body: unknown) => api<T>('PUT', url, body);
export const del = <T>(url: string) => api<T>('DELETE', url);

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Uploads a body with progress (fetch has no upload progress): used by the CSV import. Resolves
 * with the parsed JSON of a 2xx answer, rejects with an ApiError otherwise.
 */
export function upload<T>(url: string, body: Blob, contentType: string, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(0.9, (event.loaded / event.total) * 0.9));
    };
    xhr.onload = () => {
      lastActivity = Date.now();
      onProgress(1);
      const data = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(toApiError(xhr.status, data, url));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', t.common.networkError));
    xhr.send(body);
  });
}

/**
 * POSTs a JSON body and saves the file the server answers with (an export whose selection must not
 * travel in a URL). The file name is the server's (content-disposition).
 */
export async function downloadPost(url: string, body: unknown, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', t.common.networkError);
  }
  lastActivity = Date.now();
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null), url);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
