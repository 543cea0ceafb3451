import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function PortalApp(_props: Record<string, unknown>) {
  return <PageHeader title="PortalApp" description="Coming soon." />;
}
