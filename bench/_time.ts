import { loadSrfAccounts } from '../src/discovery/load-training-data.ts';
import { extractAccountFeatures } from '../src/discovery/account-features.ts';
import { trainGradientBoosting } from '../src/discovery/gradient-boosting.ts';
const rows = loadSrfAccounts(); const X = rows.map(extractAccountFeatures); const y = rows.map(r => r.fake);
for (let k = 0; k < 5; k++) { const t = performance.now(); trainGradientBoosting(X, y, { depth: 2, rounds: 200, minChildWeight: 3 }); console.log((performance.now() - t).toFixed(1), 'ms'); }
