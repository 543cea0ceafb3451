/**
 * Test-only access to the webhook payloads copied into test/fixtures/webhooks/ (see the README
 * there for sources and licences). Raw text is returned as is, because signatures and 64-bit
 * ids depend on the exact bytes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NormalisedRefund, NormalisedSale, WebhookResult } from './types.ts';

const DIR = fileURLToPath(new URL('../../test/fixtures/webhooks/', import.meta.url));

/** The file's exact text. @example fixtureText('shopify/orders_create.eur.json') */
export function fixtureText(path: string): string {
  return readFileSync(`${DIR}${path}`, 'utf8');
}

/** The file parsed with plain JSON.parse (safe: the corpus ids are below 2^53). */
export function fixtureJson<T = any>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

/** A deep copy to patch per test, so tests never share mutated fixtures. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The result as a sale, or a failure that shows what came back instead. */
export function asSale(r: WebhookResult): NormalisedSale {
  if (r.kind !== 'conversion') throw new Error(`expected a sale, got ${JSON.stringify(r)}`);
  return r;
}

/** The result as a refund, or a failure that shows what came back instead. */
export function asRefund(r: WebhookResult): NormalisedRefund {
  if (r.kind !== 'refund') throw new Error(`expected a refund, got ${JSON.stringify(r)}`);
  return r;
}
