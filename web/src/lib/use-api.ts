import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type RequestOptions } from './api.ts';

export type ApiState<T> = { data: T | undefined; error: unknown; loading: boolean; reload: () => void };

/**
 * Loads a GET endpoint and reloads when the path or query changes.
 * @example const { data, error, loading, reload } = useApi<{ data: Link[] }>('/api/v1/links', { limit: 100 })
 */
export function useApi<T>(path: string | null, query?: RequestOptions['query']): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : JSON.stringify([path, query ?? {}]);
  const latest = useRef(0);
  useEffect(() => {
    if (path === null) return;
    const id = ++latest.current;
    const controller = new AbortController();
    setLoading(true);
    api<T>(path, { query, signal: controller.signal })
      .then((d) => {
        if (id === latest.current) {
          setData(d);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (id === latest.current && (e as Error).name !== 'AbortError') setError(e);
      })
      .finally(() => {
        if (id === latest.current) setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
