export function UsersTab() { return <p>Coming soon.</p>; }
