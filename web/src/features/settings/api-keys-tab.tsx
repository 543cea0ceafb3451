export function ApiKeysTab() { return <p>Coming soon.</p>; }
