import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function LinksPage(_props: Record<string, unknown>) {
  return <PageHeader title="LinksPage" description="Coming soon." />;
}
