import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { AddCreatorDialog } from './add-creator-dialog.tsx';
import { FilterForm } from './filter-form.tsx';
import { ImportCsvDialog } from './import-csv-dialog.tsx';
import { CreatorTable } from './results-table.tsx';
import { fromSearch, toQuery, type Filters } from './search-filters.ts';
import { SORTS, type CreatorSummary, type DiscoverySettings, type SearchPage } from './types.ts';
import './discover.css';

const PAGE = 25;

export default function DiscoverPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => fromSearch(search), [search]);
  const query = useMemo(() => toQuery(filters), [filters]);
  const settings = useApi<{ settings: DiscoverySettings }>('/api/v1/discovery/settings');
  const [rows, setRows] = useState<CreatorSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [sort, setSort] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const id = ++latest.current;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api<SearchPage>('/api/v1/influencers/search', { query: { ...query, limit: PAGE }, signal: controller.signal })
      .then((p) => {
        if (id !== latest.current) return;
        setRows(p.data);
        setNext(p.nextCursor);
        setSort(p.sort);
      })
      .catch((e: unknown) => {
        if (id === latest.current && (e as Error).name !== 'AbortError') {
          setError(e);
          setRows([]);
          setNext(null);
        }
      })
      .finally(() => id === latest.current && setLoading(false));
    return () => controller.abort();
  }, [query, tick]);

  const loadMore = useCallback(async () => {
    if (!next) return;
    const id = latest.current;
    setLoadingMore(true);
    try {
      const p = await api<SearchPage>('/api/v1/influencers/search', { query: { ...query, limit: PAGE, cursor: next } });
      if (id !== latest.current) return;
      setRows((old) => [...old, ...p.data.filter((r) => !old.some((o) => o.influencerId === r.influencerId))]);
      setNext(p.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [next, query]);

  const onSearch = (f: Filters) => {
    const qs = new URLSearchParams(toQuery(f)).toString();
    navigate(qs ? `/discover?${qs}` : '/discover');
  };
  const sortLabel = SORTS.find((s) => s.value === sort)?.label.toLowerCase();
  const filtered = Object.keys(query).length > 0;

  return (
    <>
      <PageHeader
        title="Discover"
        description="Find creators whose audience is real and engaged, and who fit your brief."
        actions={
          <>
            <button type="button" onClick={() => setDialog('add')}>
              Add creator
            </button>
            <button type="button" className="secondary" onClick={() => setDialog('import')}>
              Import CSV
            </button>
          </>
        }
      />
      <ErrorBanner error={settings.error} onRetry={settings.reload} />
      <FilterForm initial={filters} niches={settings.data?.settings.nicheTaxonomy ?? []} bands={settings.data?.settings.tierBands} busy={loading} onSearch={onSearch} />
      <section aria-labelledby="results-title" className="card">
        <div className="card-head">
          <h2 id="results-title">Creators</h2>
          <span className="muted small" role="status">
            {loading ? 'Searching…' : `${rows.length}${next ? '+' : ''} shown${sortLabel ? `, by ${sortLabel}` : ''}`}
          </span>
        </div>
        <ErrorBanner error={error} onRetry={() => setTick((t) => t + 1)} />
        {loading && rows.length === 0 ? <Loading label="Searching creators…" /> : null}
        {!loading && !error && rows.length === 0 ? (
          filtered ? (
            <EmptyState title="No creator matches these filters" action={<button type="button" className="secondary" onClick={() => onSearch(fromSearch(''))}>Reset filters</button>}>
              Widen the follower range, lower the minimum engagement or authenticity, or remove a niche.
            </EmptyState>
          ) : (
            <EmptyState
              title="No creators yet"
              action={
                <div className="actions center">
                  <button type="button" onClick={() => setDialog('import')}>Import CSV</button>
                  <button type="button" className="secondary" onClick={() => setDialog('add')}>Add creator</button>
                </div>
              }
            >
              Import creators with their posts and audience (CSV or JSON), then search them here.
            </EmptyState>
          )
        ) : null}
        {rows.length > 0 ? <CreatorTable rows={rows} settings={settings.data?.settings} caption="Creators matching the search" /> : null}
        {next ? (
          <div className="load-more">
            <button type="button" className="secondary" onClick={loadMore} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more creators'}
            </button>
          </div>
        ) : null}
      </section>
      <AddCreatorDialog open={dialog === 'add'} onClose={() => setDialog(null)} />
      <ImportCsvDialog open={dialog === 'import'} onClose={() => setDialog(null)} onImported={() => setTick((t) => t + 1)} />
    </>
  );
}
