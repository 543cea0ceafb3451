/** Dashboard roles (src/users/schemas.ts) and what each may do. */
export const ROLES = [
  { value: 'member', label: 'Member', hint: 'works with campaigns, creators, links, conversions and payouts' },
  { value: 'admin', label: 'Admin', hint: 'also manages integrations, webhooks, API keys and users' },
  { value: 'owner', label: 'Owner', hint: 'everything, including adding other owners' },
] as const;
