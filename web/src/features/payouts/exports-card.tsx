import { useEffect, useState } from 'react';
import { Card } from '../../components/ui.tsx';
import { api, describeError } from '../../lib/api.ts';
import { EXPORTS, type Batch } from './types.ts';

const railOf = (method: string | null) => (method === 'bank' ? 'bank' : 'paypal');

/**
 * Download links for each export format (plain links: the browser downloads with the session
 * cookie). Each file is checked once in the background so a format that cannot be made (no
 * recipients of that rail, missing payout details) says why next to its link.
 */
export function ExportsCard({ batch }: { batch: Batch }) {
  const lines = batch.items.filter((i) => i.status !== 'failed');
  const count = (rail: string) => lines.filter((i) => railOf(i.method) === rail).length;
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  useEffect(() => {
    const controller = new AbortController();
    setProblems({});
    for (const e of EXPORTS) {
      if (count(e.rail) === 0) continue;
      api(`/api/v1/payouts/batches/${batch.id}/export`, { query: { format: e.format }, raw: true, signal: controller.signal })
        .then(() => setProblems((p) => ({ ...p, [e.format]: null })))
        .catch((err: unknown) => {
          if ((err as Error).name !== 'AbortError') setProblems((p) => ({ ...p, [e.format]: describeError(err) }));
        });
    }
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [batch.id, batch.items.map((i) => i.status).join()]);

  return (
    <Card title="Export for payment">
      <p className="muted small">PayPal files hold the PayPal payments, Wise and SEPA files the bank transfers. Failed payments are left out.</p>
      <ul className="exports">
        {EXPORTS.map((e) => {
          const n = count(e.rail);
          const problem = problems[e.format];
          return (
            <li key={e.format}>
              {n > 0 ? (
                <a className="button secondary small" href={`/api/v1/payouts/batches/${batch.id}/export?format=${e.format}`} download>
                  {e.label}
                </a>
              ) : (
                <span className="button secondary small disabled" aria-disabled="true">
                  {e.label}
                </span>
              )}
              <span className="small">
                {n > 0 ? `${n} payment${n === 1 ? '' : 's'}. ${e.hint}` : `No ${e.rail === 'bank' ? 'bank transfers' : 'PayPal payments'} in this batch.`}
              </span>
              {problem ? (
                <span className="export-problem small" role="alert">
                  ⚠ {problem}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
