// Helpers shared by the money pages (links, conversions, commissions, payouts): creator names,
// cursor-paged lists with "Load more", status badges that say their state in words, and tabs.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Badge, ErrorBanner } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api, type RequestOptions } from '../../lib/api.ts';

export type Creator = { id: string; name: string; status: string; email: string | null };

/** Every creator of the workspace (pages of 200), for names in tables and creator pickers. */
export function useCreators(): { creators: Creator[]; nameOf: (id: string | null | undefined) => string; error: unknown; loading: boolean } {
  const [creators, setCreators] = useState<Creator[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const all: Creator[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 25; page++) {
        const r: { data: Creator[]; nextCursor: string | null } = await api('/api/v1/influencers', { query: { limit: 200, cursor }, signal: controller.signal });
        all.push(...r.data);
        cursor = r.nextCursor;
        if (!cursor) break;
      }
      all.sort((a, b) => a.name.localeCompare(b.name));
      setCreators(all);
      setLoading(false);
    })().catch((e: unknown) => {
      if ((e as Error).name !== 'AbortError') {
        setError(e);
        setLoading(false);
      }
    });
    return () => controller.abort();
  }, []);
  const names = useRef(new Map<string, string>());
  names.current = new Map(creators.map((c) => [c.id, c.name]));
  const nameOf = useCallback((id: string | null | undefined) => (id ? (names.current.get(id) ?? id) : '—'), [creators]); // eslint-disable-line react-hooks/exhaustive-deps
  return { creators, nameOf, error, loading };
}

type Page<T> = { data: T[]; nextCursor: string | null };

/**
 * A cursor-paged GET list: the first page loads (and reloads when the query changes); `loadMore`
 * appends the next one.
 */
export function usePagedList<T>(path: string, query: RequestOptions['query']) {
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify([path, query]);
  const latest = useRef(0);
  useEffect(() => {
    const id = ++latest.current;
    const controller = new AbortController();
    setLoading(true);
    api<Page<T>>(path, { query, signal: controller.signal })
      .then((p) => {
        if (id !== latest.current) return;
        setRows(p.data);
        setCursor(p.nextCursor);
        setError(null);
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
  const loadMore = async () => {
    if (!cursor) return;
    const id = latest.current;
    setLoadingMore(true);
    try {
      const p = await api<Page<T>>(path, { query: { ...query, cursor } });
      if (id !== latest.current) return;
      setRows((r) => [...r, ...p.data]);
      setCursor(p.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  const reload = useCallback(() => setTick((t) => t + 1), []);
  /** Replaces one row in place after an action, without reloading every page. */
  const replace = (match: (row: T) => boolean, next: T) => setRows((rs) => rs.map((r) => (match(r) ? next : r)));
  return { rows, hasMore: cursor !== null, error, loading, loadingMore, loadMore, reload, replace };
}

export function LoadMore({ hasMore, loading, onClick, what }: { hasMore: boolean; loading: boolean; onClick: () => void; what: string }) {
  if (!hasMore) return null;
  return (
    <p>
      <button type="button" className="secondary" onClick={onClick} disabled={loading} aria-label={`Load more ${what}`}>
        {loading ? 'Loading…' : 'Load more'}
      </button>
    </p>
  );
}

const TONES: Record<string, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
  active: 'good',
  enabled: 'good',
  approved: 'good',
  paid: 'good',
  pending: 'warn',
  open: 'info',
  review: 'warn',
  partially_paid: 'info',
  disabled: 'neutral',
  inactive: 'neutral',
  used: 'neutral',
  rejected: 'bad',
  cancelled: 'bad',
  failed: 'bad',
};

const words = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** A state as a word on a tinted badge (the word carries the meaning, the colour only helps). */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{label ?? (status === 'review' ? 'In review' : words(status))}</Badge>;
}

export type Tab = { id: string; label: ReactNode };

/**
 * WAI-ARIA tabs: arrow keys move between tabs, the panel is labelled by its tab.
 * @example <Tabs label="Conversions" tabs={[{ id: 'all', label: 'All' }]} value={tab} onChange={setTab}>{panel}</Tabs>
 */
export function Tabs({ label, tabs, value, onChange, children }: { label: string; tabs: Tab[]; value: string; onChange: (id: string) => void; children: ReactNode }) {
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    onChange(tabs[to]!.id);
    refs.current[to]?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={t.id === value}
            aria-controls={`${base}-panel`}
            tabIndex={t.id === value ? 0 : -1}
            onClick={() => onChange(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${value}`}>
        {children}
      </div>
    </>
  );
}

/**
 * Asks before a destructive or money-moving action; shows the server's error in words and keeps
 * the dialog open on failure.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  return (
    <Modal open={open} title={title} onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await onConfirm();
            onClose();
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <ErrorBanner error={error} />
        {children}
        <div className="actions">
          <button type="submit" className={danger ? 'danger' : undefined} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
