/** A failed API call, carrying the server's own words (`{ error: { code, message } }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;
export type RequestOptions = { method?: string; body?: unknown; query?: Query; signal?: AbortSignal; raw?: boolean };

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Remembered from login or the session call; sent on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any call answers 401, so the shell can show the login page again. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/**
 * Calls the public REST API with the session cookie (and CSRF header on unsafe methods).
 * @example const { data } = await api<{ data: Link[] }>('/api/v1/links', { query: { limit: 50 } })
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Could not reach the Advocate server. Check your connection and try again.');
  }
  if (!response.ok) {
    let code = 'HTTP_' + response.status;
    let message = `The server answered ${response.status} ${response.statusText}.`;
    let requestId: string | undefined;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string; requestId?: string } };
      if (body.error?.message) message = body.error.message;
      if (body.error?.code) code = body.error.code;
      requestId = body.error?.requestId;
    } catch {
      // not JSON: keep the status line
    }
    if (response.status === 401) for (const l of unauthorizedListeners) l();
    throw new ApiError(response.status, code, message, requestId);
  }
  if (options.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** Words for any thrown value, for an error banner. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
