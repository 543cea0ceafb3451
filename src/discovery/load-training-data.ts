/**
 * Loads the two training sets shipped in `./data/` (see data/README.md for source and licence).
 * This is the only file in src/discovery that touches the file system.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { AccountInput } from './types.ts';

/** One SRF row: the account as the scoring API receives it, plus the hand label. */
export interface LabelledAccount extends AccountInput {
  fake: boolean;
}

export interface LabelledComment {
  text: string;
  spam: boolean;
  /** Which video the comment came from (Psy, KatyPerry, …), for grouped evaluation. */
  source: string;
}

const DATA_DIR = new URL('./data/', import.meta.url);

export const YOUTUBE_SPAM_FILES = [
  'Youtube01-Psy.csv',
  'Youtube02-KatyPerry.csv',
  'Youtube03-LMFAO.csv',
  'Youtube04-Eminem.csv',
  'Youtube05-Shakira.csv',
] as const;

function readCsv(relativePath: string): Record<string, string>[] {
  const text = readFileSync(new URL(relativePath, DATA_DIR), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

function toInt(value: string | undefined, column: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`bad ${column}: ${String(value)}`);
  return n;
}

/**
 * The 975 labelled Instagram accounts of the SRF fake-follower study.
 *
 * @example
 * const rows = loadSrfAccounts();
 * rows.filter((r) => r.fake).length; // 98
 */
export function loadSrfAccounts(): LabelledAccount[] {
  return readCsv('srf-instagram-followers/labelled_1000_inclprivate.csv').map((r) => ({
    username: r['Username'] ?? '',
    followers: toInt(r['Number.of.followers'], 'followers'),
    following: toInt(r['Number.of.people.they.follow'], 'following'),
    posts: toInt(r['Number.of.posts'], 'posts'),
    hasProfilePicture: r['has_profile_picture'] === 'TRUE',
    isPrivate: r['Private.account'] === 'TRUE',
    fake: r['rating'] === 'TRUE',
  }));
}

/**
 * The 1,956 labelled comments of the UCI YouTube Spam Collection.
 *
 * @example
 * loadYoutubeSpamComments().length; // 1956
 */
export function loadYoutubeSpamComments(): LabelledComment[] {
  return YOUTUBE_SPAM_FILES.flatMap((file) =>
    readCsv(`youtube-spam/${file}`).map((r) => ({
      text: r['CONTENT'] ?? '',
      spam: r['label'] === '1',
      source: file.replace(/^Youtube\d+-|\.csv$/g, ''),
    })),
  );
}
