import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function SettingsPage(_props: Record<string, unknown>) {
  return <PageHeader title="SettingsPage" description="Coming soon." />;
}
