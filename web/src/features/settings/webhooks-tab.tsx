export function WebhooksTab() { return <p>Coming soon.</p>; }
