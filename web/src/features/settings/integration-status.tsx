import { Badge } from '../../components/ui.tsx';
import type { Integration } from './types.ts';

/** Status in words (and colour): Connected, Turned off or Not set up. */
export function IntegrationStatus({ integration }: { integration: Integration | undefined }) {
  if (!integration) return <Badge>Not set up</Badge>;
  return integration.enabled ? <Badge tone="good">Connected</Badge> : <Badge tone="warn">Turned off</Badge>;
}
