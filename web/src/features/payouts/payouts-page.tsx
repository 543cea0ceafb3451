import { BatchPage } from './batch-page.tsx';
import { PayoutsHome } from './payouts-home.tsx';
import './payouts.css';

/** /payouts (balances, batches, statements) and /payouts/:id (one batch). */
export default function PayoutsPage({ batchId }: { batchId?: string }) {
  return batchId ? <BatchPage batchId={batchId} /> : <PayoutsHome />;
}
