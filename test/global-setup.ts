// The browser tests drive the built dashboard: build web/ once before any test file runs.
// @ts-expect-error plain ESM script without type declarations
import { ensureWebBuilt } from '../scripts/build-web.mjs';

export default async function setup(): Promise<void> {
  await (ensureWebBuilt as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
}
