import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { YOUTUBE_SPAM_FILES, loadSrfAccounts, loadYoutubeSpamComments } from './load-training-data.ts';

const CORPORA = new URL('../../../shared/corpora/', import.meta.url);

describe('shipped training data', () => {
  it('loads the SRF accounts with their labels', () => {
    const rows = loadSrfAccounts();
    expect(rows).toHaveLength(975);
    expect(rows.filter((r) => r.fake)).toHaveLength(98);
    expect(rows[0]).toEqual({ username: '__saaraa._', followers: 177, following: 198, posts: 0, hasProfilePicture: true, isPrivate: true, fake: false });
  });

  it('loads the YouTube comments with their labels', () => {
    const rows = loadYoutubeSpamComments();
    expect(rows).toHaveLength(1956);
    expect(rows.filter((r) => r.spam)).toHaveLength(1005);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['Psy', 'KatyPerry', 'LMFAO', 'Eminem', 'Shakira']));
  });

  it.skipIf(!existsSync(CORPORA))('matches the shared corpora byte for byte', () => {
    const pairs = [
      ['srf-instagram-followers/labelled_1000_inclprivate.csv', 'authenticity/srf-instagram-followers/labelled_1000_inclprivate.csv'],
      ...YOUTUBE_SPAM_FILES.map((f) => [`youtube-spam/${f}`, `comments/youtube-spam/${f}`]),
    ] as const;
    for (const [shipped, shared] of pairs) {
      expect(readFileSync(new URL(`./data/${shipped}`, import.meta.url)).equals(readFileSync(new URL(shared, CORPORA)))).toBe(true);
    }
  });
});
