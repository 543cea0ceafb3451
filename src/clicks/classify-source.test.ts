import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifySource } from './classify-source.ts';
import { buildReferrerHostsSource, parseSearchEngineUrls, parseSocials } from './data/build-referrer-hosts.ts';

const MATOMO = fileURLToPath(
  new URL('../../../shared/corpora/referrers/matomo-searchengine-and-social-list', import.meta.url),
);
const hasMatomo = existsSync(`${MATOMO}/Socials.yml`);

describe('classifySource', () => {
  it.each([
    ['https://l.instagram.com/?u=https%3A%2F%2Fadv.example%2Fr%2Fabc', 'instagram'],
    ['https://www.instagram.com/', 'instagram'],
    ['https://t.co/AbCdEf', 'x'],
    ['https://x.com/someone/status/1', 'x'],
    ['https://mobile.twitter.com/', 'x'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube'],
    ['https://m.youtube.com/watch?v=1', 'youtube'],
    ['https://www.youtube.com/', 'youtube'],
    ['https://lm.facebook.com/l.php?u=x', 'facebook'],
    ['https://l.facebook.com/', 'facebook'],
    ['https://www.tiktok.com/@someone', 'tiktok'],
    ['https://vm.tiktok.com/ZM123/', 'tiktok'],
    ['https://pin.it/abc', 'pinterest'],
    ['https://www.pinterest.co.uk/pin/1', 'pinterest'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://lnkd.in/abc', 'linkedin'],
    ['https://www.snapchat.com/', 'snapchat'],
    ['https://out.reddit.com/t3_x', 'reddit'],
    ['https://WWW.REDDIT.COM./r/x', 'reddit'],
    ['android-app://com.instagram.android/', 'instagram'],
    ['android-app://com.zhiliaoapp.musically/', 'tiktok'],
    ['android-app://com.reddit.frontpage/', 'reddit'],
    ['https://www.google.com/', 'search'],
    ['https://www.google.co.uk/', 'search'],
    ['https://www.google.com.br/', 'search'],
    ['https://google.de/', 'search'],
    ['https://news.google.com/', 'search'],
    ['https://www.bing.com/search?q=x', 'search'],
    ['https://cn.bing.com/', 'search'],
    ['https://duckduckgo.com/', 'search'],
    ['https://search.brave.com/', 'search'],
    ['https://de.search.yahoo.com/', 'search'],
    ['https://yandex.ru/', 'search'],
    ['https://www.ecosia.org/', 'search'],
    ['android-app://com.google.android.googlequicksearchbox/https/www.google.com', 'search'],
    ['https://mail.google.com/mail/u/0/', 'other'],
    ['https://docs.google.com/document/d/1', 'other'],
    ['https://www.threads.net/@someone', 'other'],
    ['https://discord.com/channels/1', 'other'],
    ['https://linktr.ee/someone', 'other'],
    ['https://evil-instagram.com/', 'other'],
    ['https://instagram.com.evil.example/', 'other'],
    ['android-app://com.google.android.gm/', 'other'],
  ])('%s → %s', (referrer, expected) => {
    expect(classifySource({ referrer, inApp: null })).toBe(expected);
  });

  it('falls back to the in-app browser when the referrer is absent or unknown', () => {
    expect(classifySource({ referrer: null, inApp: 'instagram' })).toBe('instagram');
    expect(classifySource({ referrer: '', inApp: 'tiktok' })).toBe('tiktok');
    expect(classifySource({ referrer: 'https://linktr.ee/someone', inApp: 'instagram' })).toBe('instagram');
    expect(classifySource({ referrer: null, inApp: 'x' })).toBe('x');
    expect(classifySource({ referrer: null, inApp: 'threads' })).toBe('other');
    expect(classifySource({ referrer: null, inApp: 'wechat' })).toBe('other');
  });

  it('prefers a known referrer over the in-app browser', () => {
    expect(classifySource({ referrer: 'https://lm.facebook.com/', inApp: 'instagram' })).toBe('facebook');
    expect(classifySource({ referrer: 'https://www.google.com/', inApp: 'instagram' })).toBe('search');
  });

  it('is direct without referrer or in-app browser; origin-less referrers count as absent', () => {
    expect(classifySource({})).toBe('direct');
    expect(classifySource({ referrer: null, inApp: null })).toBe('direct');
    expect(classifySource({ referrer: 'about:blank' })).toBe('direct');
    expect(classifySource({ referrer: 'not a url' })).toBe('direct');
    expect(classifySource({ referrer: 'file:///C:/x.html' })).toBe('direct');
  });
});

describe.skipIf(!hasMatomo)('classifySource against the Matomo lists', () => {
  it('data/referrer-hosts.ts is up to date with the corpus', () => {
    const committed = readFileSync(new URL('./data/referrer-hosts.ts', import.meta.url), 'utf8');
    expect(committed).toBe(buildReferrerHostsSource(MATOMO));
  });

  it('maps every host Matomo lists for a tracked network to that network', () => {
    const expected: Record<string, string> = {
      Instagram: 'instagram', TikTok: 'tiktok', YouTube: 'youtube', Twitter: 'x', Facebook: 'facebook',
      Pinterest: 'pinterest', LinkedIn: 'linkedin', Snapchat: 'snapchat', reddit: 'reddit',
    };
    const socials = parseSocials(readFileSync(`${MATOMO}/Socials.yml`, 'utf8'));
    let checked = 0;
    for (const [name, hosts] of socials) {
      for (const host of hosts) {
        const scheme = /^(com|org)\.|\.android$/.test(host) ? 'android-app' : 'https';
        const got = classifySource({ referrer: `${scheme}://${host}/` });
        expect([host, got]).toEqual([host, expected[name] ?? 'other']);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('classifies every concrete search-engine host as search', () => {
    const urls = parseSearchEngineUrls(readFileSync(`${MATOMO}/SearchEngines.yml`, 'utf8'));
    const socialHosts = new Set([...parseSocials(readFileSync(`${MATOMO}/Socials.yml`, 'utf8')).values()].flat());
    const concrete = urls
      .map((u) => u.replace(/\/.*$/, '').replaceAll('{}', 'de'))
      .filter((h) => !socialHosts.has(h.replace(/^www\./, '')) && !h.endsWith('.onion'));
    const misses = concrete.filter((h) => classifySource({ referrer: `https://${h}/` }) !== 'search');
    console.log(`Matomo search hosts classified as search: ${concrete.length - misses.length}/${concrete.length}`);
    expect(misses).toEqual([]);
  });
});
