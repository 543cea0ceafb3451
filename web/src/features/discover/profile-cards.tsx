import { Badge, Card, Stat } from '../../components/ui.tsx';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format.ts';
import { AuthenticityBadge, formatEr } from './creator-bits.tsx';
import { PLATFORM_LABELS, type Profile } from './types.ts';

const compact = (n: number) => formatNumber(n, { notation: 'compact', maximumFractionDigits: 1 });

export function AccountsCard({ accounts }: { accounts: Profile['accounts'] }) {
  return (
    <Card title="Accounts">
      {accounts.length === 0 ? (
        <p className="muted">No social accounts imported yet. Import their account data (Discover → Import CSV) to see engagement and authenticity.</p>
      ) : (
        <ul className="account-list">
          {accounts.map((a) => (
            <li key={`${a.platform}:${a.handle}`}>
              <div className="card-head">
                <strong>
                  {PLATFORM_LABELS[a.platform] ?? a.platform} · {a.url ? <a href={a.url} target="_blank" rel="noreferrer">@{a.handle}</a> : `@${a.handle}`}
                </strong>
                <span>
                  {a.primary ? <Badge tone="info">Primary</Badge> : null} {a.verified ? <Badge tone="good">Verified</Badge> : null} {a.isPrivate ? <Badge tone="warn">Private</Badge> : null}
                </span>
              </div>
              {a.bio ? <p className="small">{a.bio}</p> : null}
              <p className="muted small">
                {compact(a.followers)} followers · follows {compact(a.following)} · {formatNumber(a.postsCount)} posts · median ER {formatEr(a.engagement.byFollowers.median)}
                {a.engagement.byViews.median !== null ? ` (by views ${formatEr(a.engagement.byViews.median)})` : ''}
                {a.location || a.country ? ` · ${[a.location, a.country].filter(Boolean).join(', ')}` : ''}
                {a.language ? ` · ${a.language}` : ''} · updated {formatDateTime(a.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function EngagementCard({ metrics }: { metrics: NonNullable<Profile['metrics']> }) {
  const c = metrics.comparison;
  const b = metrics.benchmark;
  const e = metrics.engagement;
  const words = c.verdict === 'above' ? '▲ Above the tier benchmark' : c.verdict === 'below' ? '▼ Below the tier benchmark' : c.verdict === 'within' ? '● Within the tier benchmark' : 'No benchmark for this tier';
  return (
    <Card title="Engagement">
      <p className={`verdict ${c.verdict ?? ''}`} data-testid="er-verdict">
        {words}
      </p>
      <div className="stats">
        <Stat label="Median engagement rate" value={formatEr(c.engagementRate)} hint={`over the last ${e.byFollowers.posts} posts, by followers`} />
        <Stat
          label={`${metrics.tier.label} benchmark`}
          value={b ? (b.low === b.high ? formatEr(b.low) : `${formatEr(b.low)}–${formatEr(b.high)}`) : '—'}
          hint={c.ratio !== null ? `this creator: ${formatNumber(c.ratio, { maximumFractionDigits: 2 })}× the midpoint` : undefined}
        />
        <Stat
          label="Percentile in tier × niche"
          value={metrics.percentile ? formatNumber(metrics.percentile.value, { maximumFractionDigits: 0 }) : '—'}
          hint={metrics.percentile ? `among ${metrics.percentile.cohortSize} ${metrics.percentile.tier} ${metrics.percentile.niche} creators` : 'no cohort yet'}
        />
        <Stat label="ER by views" value={formatEr(e.byViews.median)} hint={e.byViews.reason ?? 'video platforms'} />
        <Stat label="Posts per week" value={formatNumber(e.cadence.postsPerWeek, { maximumFractionDigits: 1 })} hint={e.cadence.reason ?? `median gap ${formatNumber(e.cadence.medianGapDays, { maximumFractionDigits: 1 })} days`} />
        <Stat label="Growth, 30 days" value={formatPercent(e.growth.days30)} hint={e.growth.reason ?? `90 days: ${formatPercent(e.growth.days90)}`} />
        <Stat label="Sponsored posts" value={formatPercent(e.sponsored.share, 0)} hint={`${e.sponsored.sponsored} sponsored, ${e.sponsored.gifted} gifted of ${e.sponsored.posts}`} />
      </div>
      <details className="small">
        <summary>How these are computed</summary>
        <ul className="reasons muted">
          <li>{e.byFollowers.formula}</li>
          <li>{c.formula}</li>
          {metrics.percentile ? <li>{metrics.percentile.formula}</li> : null}
          {b ? <li>Benchmark source: {b.source}</li> : null}
        </ul>
      </details>
    </Card>
  );
}

function evidenceValue(key: string, v: number | string | boolean | null): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : v;
  if (/share|er$|rate|change|limit|expected/i.test(key) && Math.abs(v) < 1) return formatPercent(v, 2);
  return formatNumber(v, { maximumFractionDigits: 4 });
}

export function AuthenticityCard({ authenticity }: { authenticity: Profile['authenticity'] }) {
  if (!authenticity) return <Card title="Authenticity"><p className="muted">Not scored: no account data yet.</p></Card>;
  const a = authenticity;
  return (
    <Card title="Authenticity" actions={<AuthenticityBadge score={a.score} />}>
      <p>
        <span className="score-big">{a.score}</span>
        <span className="muted"> / 100</span>
      </p>
      <p className="muted small">{a.formula}</p>
      {a.reasons.length === 0 ? (
        <p>No warning signs found: every check passed.</p>
      ) : (
        <>
          <h3>Why points were taken off</h3>
          <ul className="reasons" aria-label="Authenticity reasons">
            {a.reasons.map((r) => (
              <li key={r.code}>
                <strong>−{r.penalty}</strong> {r.message}
                <ul className="evidence" aria-label={`Evidence for ${r.code}`}>
                  {Object.entries(r.evidence).map(([k, v]) => (
                    <li key={k}>
                      {k}: <code>{evidenceValue(k, v)}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {a.audience.followerSample || a.audience.spamComments ? (
        <p className="small muted">
          {a.audience.followerSample ? `${a.audience.followerSample.fake} of ${a.audience.followerSample.size} sampled followers look fake. ` : ''}
          {a.audience.spamComments ? `${a.audience.spamComments.spam} of ${a.audience.spamComments.total} comments look like spam.` : ''}
        </p>
      ) : null}
      {a.skipped.length ? (
        <details className="small">
          <summary>{a.skipped.length} checks skipped (too little data)</summary>
          <ul className="reasons muted">
            {a.skipped.map((s) => (
              <li key={s.code}>
                {s.code}: {s.skipped}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
