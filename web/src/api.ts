/**
 * The way into the typed API client (web/src/api/client.ts) for code written before it.
 * New code calls `client.GET('/api/...')` with `ok(...)`; the untyped `api` and `request`
 * below are kept for the pages not yet converted (decisions, clearances, certificates,
 * record) and go through the same client, so they share its CSRF token, its 401 handling
 * and its ApiError.
 */
import { client } from './api/client.ts';

export {
  ApiError,
  client,
  type FieldProblem,
  ok,
  setCsrfToken,
  setUnauthenticatedHandler,
} from './api/client.ts';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /**
   * Kept for old callers; the client decides by path instead: a 401 from /api/auth/... is an
   * answer about the credentials, any other 401 means the session is gone.
   */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

type UntypedRequest = (
  method: string,
  path: string,
  init: { body?: unknown; signal?: AbortSignal },
) => Promise<{ data?: unknown }>;

/** @deprecated An untyped call by path; use `client` with a path of the schema. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const untyped = client.request as unknown as UntypedRequest;
  const { data } = await untyped((options.method ?? 'GET').toLowerCase(), path, {
    body: options.body,
    signal: options.signal,
  });
  return data as T;
}

/** @deprecated Untyped calls by path; use `client` with a path of the schema. */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
