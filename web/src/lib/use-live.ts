import { useEffect, useState } from 'react';

export type LiveTotals = {
  day: string;
  humanClicks: number;
  botClicks: number;
  sales: number;
  leads: number;
  inReview: number;
  revenue: { currency: string; amount: number }[];
};

/**
 * Subscribes to the server's live counters (Server-Sent Events at /api/v1/live, or the portal's
 * stream); EventSource reconnects by itself when the connection drops.
 */
export function useLiveTotals(url = '/api/v1/live'): { totals: LiveTotals | null; connected: boolean } {
  const [totals, setTotals] = useState<LiveTotals | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    source.addEventListener('totals', (e) => {
      setTotals(JSON.parse((e as MessageEvent<string>).data) as LiveTotals);
      setConnected(true);
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [url]);
  return { totals, connected };
}
