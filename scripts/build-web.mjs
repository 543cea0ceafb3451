// Builds the dashboard (web/) into web/dist when it is missing or older than its sources, so
// `npm start` and `npm test` work on a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('../web/', import.meta.url));
const built = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export async function ensureWebBuilt({ force = false, quiet = false } = {}) {
  const sourcesAt = Math.max(newest(path.join(web, 'src')), statSync(path.join(web, 'index.html')).mtimeMs, statSync(path.join(web, 'vite.config.ts')).mtimeMs);
  if (!force && existsSync(built) && statSync(built).mtimeMs >= sourcesAt) return false;
  if (!quiet) console.log('Building the dashboard (web/ → web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  const didBuild = await ensureWebBuilt({ force: process.argv.includes('--force') });
  if (didBuild) console.log(`Dashboard built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
