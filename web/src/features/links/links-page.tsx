import { useState } from 'react';
import { ErrorBanner, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../lib/use-api.ts';
import { Tabs, useCreators } from '../commissions/shared.tsx';
import { CouponsTab } from './coupons-tab.tsx';
import { CreateLinkDialog } from './create-link-dialog.tsx';
import { LinksTab } from './links-tab.tsx';
import type { Campaign } from './types.ts';
import './links.css';

/** Tracking links (short URL, QR, clicks per link) and coupon codes, both attributing sales to creators. */
export default function LinksPage(_props: Record<string, unknown>) {
  const [tab, setTab] = useState('links');
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  const { creators, nameOf, error: creatorsError } = useCreators();
  const campaigns = useApi<{ data: Campaign[] }>('/api/v1/campaigns', { limit: 200 });
  const campaignList = campaigns.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Links"
        description="Short tracking links and coupon codes for your creators: every click is counted and sales are attributed."
        actions={
          <button type="button" onClick={() => setCreating(true)}>
            Create link
          </button>
        }
      />
      <ErrorBanner error={creatorsError} />
      <ErrorBanner error={campaigns.error} onRetry={campaigns.reload} />
      <Tabs
        label="Links and coupons"
        value={tab}
        onChange={setTab}
        tabs={[
          { id: 'links', label: 'Tracking links' },
          { id: 'coupons', label: 'Coupon codes' },
        ]}
      >
        {tab === 'links' ? (
          <LinksTab creators={creators} nameOf={nameOf} campaigns={campaignList} version={version} onCreate={() => setCreating(true)} />
        ) : (
          <CouponsTab creators={creators} nameOf={nameOf} campaigns={campaignList} />
        )}
      </Tabs>
      <CreateLinkDialog open={creating} onClose={() => setCreating(false)} onCreated={() => setVersion((v) => v + 1)} creators={creators} campaigns={campaignList} />
    </>
  );
}
