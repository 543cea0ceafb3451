import { useMemo, useState, type ReactNode } from 'react';

export type Column<T> = {
  key: string;
  header: string;
  render?: (row: T) => ReactNode;
  /** Value used for sorting and filtering; defaults to row[key]. */
  value?: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
  sortable?: boolean;
};

type Props<T> = {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  filterable?: boolean;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  empty?: ReactNode;
  selectable?: { selected: Set<string>; onChange: (next: Set<string>) => void; canSelect?: (row: T) => boolean };
  onRowClick?: (row: T) => void;
};

/** A table people can sort (click a header) and filter (type in the box); caption for screen readers. */
export function DataTable<T>({ caption, columns, rows, rowKey, filterable = true, initialSort, empty, selectable, onRowClick }: Props<T>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const [filter, setFilter] = useState('');
  const valueOf = (c: Column<T>, row: T) => (c.value ? c.value(row) : ((row as Record<string, unknown>)[c.key] as string | number | null | undefined));
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let out = needle ? rows.filter((r) => columns.some((c) => String(valueOf(c, r) ?? '').toLowerCase().includes(needle))) : rows.slice();
    if (sort) {
      const col = columns.find((c) => c.key === sort.key);
      if (col) {
        out = out.sort((a, b) => {
          const x = valueOf(col, a);
          const y = valueOf(col, b);
          if (x === y) return 0;
          if (x === null || x === undefined) return 1;
          if (y === null || y === undefined) return -1;
          const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          return sort.dir === 'asc' ? r : -r;
        });
      }
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, filter, sort, columns]);

  const selectableRows = selectable ? shown.filter((r) => selectable.canSelect?.(r) ?? true) : [];
  const allSelected = selectable ? selectableRows.length > 0 && selectableRows.every((r) => selectable.selected.has(rowKey(r))) : false;

  return (
    <div className="table-wrap">
      {filterable && rows.length > 0 ? (
        <div className="table-tools">
          <input type="search" aria-label={`Filter ${caption.toLowerCase()}`} placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <span className="muted small">
            {shown.length === rows.length ? `${rows.length} rows` : `${shown.length} of ${rows.length} rows`}
          </span>
        </div>
      ) : null}
      {rows.length === 0 && empty ? (
        empty
      ) : (
        <table>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {selectable ? (
                <th scope="col" className="check">
                  <input
                    type="checkbox"
                    aria-label="Select all shown rows"
                    checked={allSelected}
                    onChange={(e) => {
                      const next = new Set(selectable.selected);
                      for (const r of selectableRows) e.target.checked ? next.add(rowKey(r)) : next.delete(rowKey(r));
                      selectable.onChange(next);
                    }}
                  />
                </th>
              ) : null}
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
                return (
                  <th key={c.key} scope="col" aria-sort={c.sortable === false ? undefined : ariaSort} className={c.align === 'right' ? 'num' : undefined}>
                    {c.sortable === false ? (
                      c.header
                    ) : (
                      <button
                        type="button"
                        className="sort"
                        onClick={() => setSort({ key: c.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
                      >
                        {c.header}
                        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const k = rowKey(row);
              return (
                <tr key={k} className={onRowClick ? 'clickable' : undefined} onClick={onRowClick ? () => onRowClick(row) : undefined}>
                  {selectable ? (
                    <td className="check" onClick={(e) => e.stopPropagation()}>
                      {(selectable.canSelect?.(row) ?? true) ? (
                        <input
                          type="checkbox"
                          aria-label={`Select ${k}`}
                          checked={selectable.selected.has(k)}
                          onChange={(e) => {
                            const next = new Set(selectable.selected);
                            e.target.checked ? next.add(k) : next.delete(k);
                            selectable.onChange(next);
                          }}
                        />
                      ) : null}
                    </td>
                  ) : null}
                  {columns.map((c) => (
                    <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
                      {c.render ? c.render(row) : String(valueOf(c, row) ?? '—')}
                    </td>
                  ))}
                </tr>
              );
            })}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length + (selectable ? 1 : 0)} className="muted">
                  No rows match “{filter}”.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </div>
  );
}
