/**
 * Test-only loader for the third-party user-agent corpora in ../shared/corpora/useragents/.
 *
 * The corpora are YAML/JSON; the YAML files only use two shapes (a map of lists of strings, and
 * uap-core's `test_cases` list), so a tiny line parser is enough and avoids depending on a YAML
 * package the project does not declare.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Root of the shared corpora (the repo is cloned as a sibling of `shared/`). */
export const CORPORA_DIR = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
const UA_DIR = `${CORPORA_DIR}useragents/`;

export interface LabelledUa {
  ua: string;
  /** Where the row came from, e.g. `isbot/crawlers.yml:Googlebot`. */
  source: string;
  /** Label given by the corpus itself (uap-core family, social platform, list key…). */
  family: string;
}

export interface SocialRow {
  ua: string;
  label: 'bot_link_preview_or_crawler' | 'human_inapp_browser';
  platform: string;
  source: string;
}

/** True when the corpora folder is present (it is not shipped with the repo). */
export function hasUaCorpus(): boolean {
  return existsSync(`${UA_DIR}social-preview-bots-and-inapp-browsers.json`);
}

/** Decodes one YAML flow scalar as used in these files: plain, 'single' or "double" quoted. */
function yamlScalar(raw: string): string {
  const s = raw.trim();
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) return s.slice(1, -1).replaceAll("''", "'");
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) return JSON.parse(s) as string;
  return s;
}

/** Parses `key:\n  - value` YAML (isbot fixtures). */
export function parseYamlListMap(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const item = /^\s+- (.*)$/.exec(line);
    if (item && current) {
      current.push(yamlScalar(item[1] ?? ''));
      continue;
    }
    const key = /^(\S.*):\s*$/.exec(line);
    if (key) {
      current = [];
      out.set(yamlScalar(key[1] ?? ''), current);
      continue;
    }
    throw new Error(`unexpected YAML line: ${line}`);
  }
  return out;
}

/** Parses uap-core `test_cases` files into (user_agent_string, family) pairs. */
export function parseUapCases(text: string): { ua: string; family: string }[] {
  const out: { ua: string; family: string }[] = [];
  for (const line of text.split('\n')) {
    const ua = /^\s*- user_agent_string: (.*)$/.exec(line);
    if (ua) {
      out.push({ ua: yamlScalar(ua[1] ?? ''), family: '' });
      continue;
    }
    const fam = /^\s+family: (.*)$/.exec(line);
    const last = out[out.length - 1];
    if (fam && last && last.family === '') last.family = yamlScalar(fam[1] ?? '');
  }
  return out;
}

function read(rel: string): string {
  return readFileSync(UA_DIR + rel, 'utf8');
}

/** Every user agent of monperrus/crawler-user-agents (all are listed as crawlers). */
export function loadCrawlerUserAgents(): LabelledUa[] {
  const list = JSON.parse(read('crawler-user-agents/crawler-user-agents.json')) as {
    pattern: string;
    instances: string[];
  }[];
  return list.flatMap((e) => e.instances.map((ua) => ({ ua, source: 'crawler-user-agents', family: e.pattern })));
}

/** isbot's own fixtures: `crawlers.yml` or `browsers.yml`. */
export function loadIsbotFixture(name: 'crawlers' | 'browsers'): LabelledUa[] {
  const map = parseYamlListMap(read(`isbot/${name}.yml`));
  return [...map].flatMap(([family, uas]) => uas.map((ua) => ({ ua, source: `isbot/${name}.yml`, family })));
}

/** The derived social preview-bot / in-app-browser selection. */
export function loadSocialRows(): SocialRow[] {
  return (JSON.parse(read('social-preview-bots-and-inapp-browsers.json')) as { rows: SocialRow[] }).rows;
}

/** A uap-core test suite, e.g. `test_ua`, `test_device`, `firefox_user_agent_strings`. */
export function loadUapCore(name: string): LabelledUa[] {
  return parseUapCases(read(`uap-core/${name}.yaml`)).map((c) => ({ ...c, source: `uap-core/${name}.yaml` }));
}
