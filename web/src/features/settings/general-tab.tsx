import { ErrorBanner, Loading } from '../../components/ui.tsx';
import { useApi } from '../../lib/use-api.ts';
import { CampaignDomains } from './campaign-domains.tsx';
import type { Workspace } from './types.ts';
import { WorkspaceForm } from './workspace-form.tsx';

export function GeneralTab() {
  const { data, error, loading, reload } = useApi<{ workspace: Workspace }>('/api/v1/workspace');
  return (
    <div className="settings-form">
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data ? <WorkspaceForm key={data.workspace.id} workspace={data.workspace} onSaved={reload} /> : null}
      <CampaignDomains />
    </div>
  );
}
