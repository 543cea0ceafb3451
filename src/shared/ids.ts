import { randomBytes } from 'node:crypto';

/** Type prefixes for every id the API hands out, so an id says what it is. */
export const ID_PREFIX = {
  workspace: 'ws',
  apiKey: 'key',
  user: 'usr',
  session: 'ses',
  influencer: 'inf',
  campaign: 'cmp',
  link: 'lnk',
  click: 'clk',
  conversion: 'cnv',
  coupon: 'cpn',
  payoutItem: 'pit',
  partnership: 'prt',
  deliverable: 'dlv',
  gift: 'gft',
  ledgerTxn: 'txn',
  commission: 'com',
  payout: 'pay',
  audit: 'aud',
  job: 'job',
  webhookEndpoint: 'whe',
  webhookDelivery: 'whd',
  event: 'evt',
  notification: 'ntf',
  creatorAccount: 'cra',
  creatorInvitation: 'cri',
  creatorSession: 'crs',
  request: 'req',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new random id with its type prefix: 16 chars of base36 (≈ 82 bits), time-ordered prefix not needed.
 * @example newId('workspace') // 'ws_3k9v0c1x8q2m4n7b'
 */
export function newId(kind: IdKind): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${ID_PREFIX[kind]}_${out}`;
}

/** True when `id` has the prefix of `kind`; used to answer 404 early for ids of the wrong type. */
export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIX[kind]}_`);
}
