import { BarChart } from '../../components/charts.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { Card } from '../../components/ui.tsx';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format.ts';
import { formatEr } from './creator-bits.tsx';
import { PLATFORM_LABELS, type Profile } from './types.ts';

const pct = (n: number) => formatPercent(n, 0);
const er = (n: number) => formatPercent(n, 2);

let regionNames: Intl.DisplayNames | null = null;
function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(undefined, { type: 'region' });
    return `${regionNames.of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}

export function PostsByFormatCard({ posts }: { posts: Profile['posts'] }) {
  const rows = posts.byFormat;
  return (
    <Card title="Posts by format">
      {rows.length === 0 ? (
        <p className="muted">No posts imported yet.</p>
      ) : (
        <>
          <BarChart title="Median engagement rate by post format" items={rows.map((r) => ({ label: r.format, value: r.medianEr ?? 0, hint: `${r.posts} posts` }))} format={er} />
          <DataTable
            caption="Posts by format"
            filterable={false}
            rows={rows}
            rowKey={(r) => r.format}
            columns={[
              { key: 'format', header: 'Format' },
              { key: 'posts', header: 'Posts', align: 'right' },
              { key: 'medianEr', header: 'Median ER', align: 'right', render: (r) => formatEr(r.medianEr) },
              { key: 'meanEr', header: 'Mean ER', align: 'right', render: (r) => formatEr(r.meanEr) },
            ]}
          />
          <p className="muted small">Over {formatNumber(posts.loaded)} loaded posts; ER = interactions / followers.</p>
        </>
      )}
    </Card>
  );
}

const DIMENSIONS = [
  { key: 'country', title: 'Audience by country' },
  { key: 'age', title: 'Audience by age' },
  { key: 'gender', title: 'Audience by gender' },
] as const;

export function AudienceCard({ audience }: { audience: Profile['audience'] }) {
  const platforms = [...new Set(audience.map((a) => a.platform))];
  const source = audience.find((a) => a.source)?.source;
  return (
    <Card title="Audience">
      {audience.length === 0 ? (
        <p className="muted">No audience data imported (country, age, gender shares come from the creator's insights export).</p>
      ) : (
        <>
          <div className="grid cols-3">
            {DIMENSIONS.map((d) =>
              platforms.map((p) => {
                const items = audience
                  .filter((a) => a.dimension === d.key && a.platform === p && a.share > 0)
                  .sort((x, y) => y.share - x.share)
                  .map((a) => ({ label: d.key === 'country' ? countryName(a.key) : a.key, value: a.share }));
                if (!items.length) return null;
                const title = platforms.length > 1 ? `${d.title} (${PLATFORM_LABELS[p] ?? p})` : d.title;
                return (
                  <div key={`${d.key}-${p}`}>
                    <h3>{title}</h3>
                    <BarChart title={title} items={items} format={pct} max={8} />
                  </div>
                );
              }),
            )}
          </div>
          {source ? <p className="muted small">Source: {source}.</p> : null}
        </>
      )}
    </Card>
  );
}

export function RecentPostsCard({ posts }: { posts: Profile['posts']['recent'] }) {
  if (!posts.length) return null;
  return (
    <Card title="Recent posts">
      <DataTable
        caption="Recent posts"
        rows={posts}
        rowKey={(p) => `${p.platform}:${p.id}`}
        initialSort={{ key: 'postedAt', dir: 'desc' }}
        columns={[
          { key: 'postedAt', header: 'Posted', render: (p) => formatDateTime(p.postedAt) },
          { key: 'format', header: 'Format', render: (p) => `${p.format}${p.sponsored ? ' · sponsored' : ''}${p.gifted ? ' · gifted' : ''}` },
          {
            key: 'caption',
            header: 'Caption',
            sortable: false,
            render: (p) => (
              <span className="small">
                {p.url ? (
                  <a href={p.url} target="_blank" rel="noreferrer">
                    {p.caption.slice(0, 90) || 'Open post'}
                  </a>
                ) : (
                  p.caption.slice(0, 90)
                )}
                {p.caption.length > 90 ? '…' : ''}
              </span>
            ),
          },
          { key: 'likes', header: 'Likes', align: 'right', render: (p) => formatNumber(p.likes) },
          { key: 'comments', header: 'Comments', align: 'right', render: (p) => formatNumber(p.comments) },
          { key: 'views', header: 'Views', align: 'right', render: (p) => formatNumber(p.views) },
          { key: 'engagementRate', header: 'ER', align: 'right', render: (p) => formatEr(p.engagementRate) },
        ]}
      />
    </Card>
  );
}
