import { Badge } from '../../components/ui.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import type { DiscoverySettings, Fit } from './types.ts';

/** Authenticity 0–100 as a badge whose words (not only its colour) say how much to trust it. */
export function AuthenticityBadge({ score }: { score: number }) {
  const [tone, word] = score >= 80 ? (['good', 'High'] as const) : score >= 50 ? (['warn', 'Medium'] as const) : (['bad', 'Low'] as const);
  return (
    <Badge tone={tone}>
      {word} · {formatNumber(score)}/100
    </Badge>
  );
}

/** Engagement rates are small fractions: two decimals, as benchmarks are quoted (1.81%). */
export const formatEr = (er: number | null | undefined) => formatPercent(er, 2);

export type Verdict = 'above' | 'within' | 'below' | null;

/** Where an ER sits against its tier's benchmark range (the profile answers this itself; search rows do not). */
export function verdictFor(er: number | null, tier: string, midTier: boolean, settings: DiscoverySettings | undefined): Verdict {
  // Micro creators above the mid-tier band are measured against the mid-tier benchmark.
  const b = settings?.tierBenchmarks[tier === 'micro' && midTier ? 'mid-tier' : tier];
  if (er === null || !b) return null;
  return er < b.low ? 'below' : er > b.high ? 'above' : 'within';
}

/** "4.50% · ▲ above (1.66× tier)": direction in words and arrow, never colour alone. */
export function ErVsTier({ er, ratio, verdict }: { er: number | null; ratio: number | null; verdict: Verdict }) {
  if (er === null) return <span className="muted">no posts</span>;
  const words = verdict === 'above' ? '▲ above' : verdict === 'below' ? '▼ below' : verdict === 'within' ? '● within' : null;
  return (
    <span>
      {formatEr(er)}
      {words ? (
        <span className={`small ${verdict === 'above' ? 'delta-up' : verdict === 'below' ? 'delta-down' : 'muted'}`}>
          {' '}
          {words} benchmark{ratio !== null ? ` (${formatNumber(ratio, { maximumFractionDigits: 2 })}×)` : ''}
        </span>
      ) : null}
    </span>
  );
}

/** The fit or similarity score with each term's explanation behind a disclosure. */
export function FitCell({ fit }: { fit: Fit | undefined }) {
  if (!fit) return <span className="muted">—</span>;
  return (
    <details className="fit">
      <summary>
        <strong>{formatNumber(fit.score, { maximumFractionDigits: 0 })}</strong>
        <span className="muted small"> /100 · why</span>
      </summary>
      <ul className="reasons small">
        {fit.terms
          .filter((t) => t.weight > 0)
          .map((t) => (
            <li key={t.name}>
              <strong>{t.name}</strong> +{formatNumber(t.contribution, { maximumFractionDigits: 1 })}: {t.explanation}
            </li>
          ))}
      </ul>
    </details>
  );
}
