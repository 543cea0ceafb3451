import { benchAuthenticity } from './authenticity.ts';
import { benchCommissions } from './commissions.ts';
import { benchConversions } from './conversions.ts';
import { benchDiscoverySearch } from './discovery-search.ts';
import { benchDurability } from './durability.ts';
import { benchMixedLoad } from './mixed-load.ts';
import { benchRedirect } from './redirect.ts';
import { benchReport } from './report.ts';
import { benchStartup } from './startup.ts';
import { benchWeb } from './web.ts';

// `npm run bench [name…]`: every benchmark, or the named ones. Figures are ratios to a baseline
// measured in the same run, so they compare across machines.

const BENCHES: Record<string, () => Promise<void>> = {
  startup: benchStartup,
  durability: benchDurability,
  redirect: benchRedirect,
  report: benchReport,
  conversions: benchConversions,
  mixed: benchMixedLoad,
  commissions: benchCommissions,
  authenticity: benchAuthenticity,
  discovery: benchDiscoverySearch,
  web: benchWeb,
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const run = BENCHES[name];
  if (!run) {
    console.error(`unknown benchmark ${name}; choose from ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  await run();
}
process.exit(0);
