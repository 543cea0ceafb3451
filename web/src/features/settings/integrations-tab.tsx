export function IntegrationsTab() { return <p>Coming soon.</p>; }
