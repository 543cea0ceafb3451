import { Link } from 'wouter';
import { PageHeader } from '../../components/ui.tsx';
import { ApiKeysTab } from './api-keys-tab.tsx';
import { GeneralTab } from './general-tab.tsx';
import { IntegrationsTab } from './integrations-tab.tsx';
import { PlansTab } from './plans-tab.tsx';
import { UsersTab } from './users-tab.tsx';
import { WebhooksTab } from './webhooks-tab.tsx';
import './settings.css';

const TABS = [
  { key: 'general', label: 'General', render: () => <GeneralTab /> },
  { key: 'commission-plans', label: 'Commission plans', render: () => <PlansTab /> },
  { key: 'integrations', label: 'Integrations', render: () => <IntegrationsTab /> },
  { key: 'webhooks', label: 'Webhooks', render: () => <WebhooksTab /> },
  { key: 'api-keys', label: 'API keys', render: () => <ApiKeysTab /> },
  { key: 'users', label: 'Users', render: () => <UsersTab /> },
] as const;

/** Older links may spell a tab differently (/settings/plans, /settings/keys). */
const ALIASES: Record<string, string> = { plans: 'commission-plans', commissions: 'commission-plans', keys: 'api-keys', apikeys: 'api-keys', members: 'users', team: 'users' };

export default function SettingsPage({ tab }: { tab?: string }) {
  const wanted = tab ? (ALIASES[tab] ?? tab) : 'general';
  const current = TABS.find((t) => t.key === wanted);
  return (
    <>
      <PageHeader title="Settings" description="Your workspace, commission plans, shop integrations, webhooks, API keys and team." />
      <nav aria-label="Settings sections">
        <ul className="tabs settings-tabs">
          {TABS.map((t) => (
            <li key={t.key}>
              <Link href={`/settings/${t.key}`} className={t === current ? 'active' : undefined} aria-current={t === current ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current ? (
        current.render()
      ) : (
        <p>
          There is no settings section called “{tab}”. <Link href="/settings/general">Open the general settings</Link>.
        </p>
      )}
    </>
  );
}
