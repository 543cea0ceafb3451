/**
 * Learned spam-comment classifier (issue part "Two learned parts" (b)): multinomial naive Bayes
 * over word unigrams, word bigrams and character n-grams, trained on the UCI YouTube Spam
 * Collection. "check out", "my channel", "subscribe to", "visit" and links come out as the
 * strongest spam signals.
 */
import { loadYoutubeSpamComments, type LabelledComment } from './load-training-data.ts';
import type { CommentClassification } from './types.ts';

export { isEmojiOnly, isGenericComment } from './comment-heuristics.ts';

export interface SpamModel {
  /** log P(token | class) for tokens seen in training; unseen tokens are skipped. */
  logLikelihood: Map<string, [ham: number, spam: number]>;
  logPrior: [ham: number, spam: number];
  /** Label "spam" when spamProbability >= threshold. */
  threshold: number;
}

export interface SpamTrainingOptions {
  /** Laplace/Lidstone smoothing. */
  alpha?: number;
  /** Character n-gram lengths added to the word features. */
  charNgrams?: readonly number[];
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ly|co|info|biz|me|tv|io|us|de|ru|gl)\b(?:\/\S*)?/gi;

/**
 * Normalises a comment and splits it into features. URLs collapse to one token (their exact
 * address varies but their presence is the signal), digits collapse to '0', and each distinct
 * feature counts once: in a one-line comment repetition says little.
 *
 * @example
 * tokenizeComment('Check out my channel: www.x.com', { charNgrams: [] });
 * // ['check', 'out', 'my', 'channel', '__url__', 'check out', 'out my', 'my channel', 'channel __url__']
 */
export function tokenizeComment(text: string, options: SpamTrainingOptions = {}): string[] {
  const normalised = text
    .toLowerCase()
    .replace(/\ufeff/g, '')
    .replace(URL_PATTERN, ' __url__ ')
    .replace(/\d/g, '0');
  const words = normalised.match(/__url__|[\p{L}\p{N}']+/gu) ?? [];
  const features = [...words];
  for (let i = 0; i + 1 < words.length; i++) features.push(`${words[i]} ${words[i + 1]}`);
  const squeezed = ` ${words.join(' ')} `;
  for (const n of options.charNgrams ?? DEFAULT_CHAR_NGRAMS) {
    for (let i = 0; i + n <= squeezed.length; i++) features.push(`#${squeezed.slice(i, i + n)}`);
  }
  if (/[A-Z]{5,}/.test(text)) features.push('__shouting__');
  if (/!{2,}/.test(text)) features.push('__exclaims__');
  return [...new Set(features)];
}

export const DEFAULT_CHAR_NGRAMS: readonly number[] = [3, 4];

/**
 * Trains the classifier.
 *
 * @example
 * const model = trainSpamModel(loadYoutubeSpamComments());
 * classifyComments(model, ['subscribe to my channel!!'])[0].label; // 'spam'
 */
export function trainSpamModel(rows: readonly LabelledComment[], options: SpamTrainingOptions = {}): SpamModel {
  const alpha = options.alpha ?? 0.5;
  const counts = new Map<string, [number, number]>();
  const totals: [number, number] = [0, 0];
  const docs: [number, number] = [0, 0];
  for (const row of rows) {
    const cls = row.spam ? 1 : 0;
    docs[cls]++;
    for (const t of tokenizeComment(row.text, options)) {
      const c = counts.get(t) ?? [0, 0];
      c[cls]++;
      totals[cls]++;
      counts.set(t, c);
    }
  }
  const vocabulary = counts.size;
  const logLikelihood = new Map<string, [number, number]>();
  for (const [t, [h, s]] of counts) {
    logLikelihood.set(t, [
      Math.log((h + alpha) / (totals[0] + alpha * vocabulary)),
      Math.log((s + alpha) / (totals[1] + alpha * vocabulary)),
    ]);
  }
  const n = Math.max(docs[0] + docs[1], 1);
  return {
    logLikelihood,
    logPrior: [Math.log(Math.max(docs[0], 1) / n), Math.log(Math.max(docs[1], 1) / n)],
    threshold: 0.5,
  };
}

/** Spam probability of one comment. */
export function spamProbability(model: SpamModel, text: string, options: SpamTrainingOptions = {}): number {
  let ham = model.logPrior[0];
  let spam = model.logPrior[1];
  for (const t of tokenizeComment(text, options)) {
    const ll = model.logLikelihood.get(t);
    if (!ll) continue;
    ham += ll[0];
    spam += ll[1];
  }
  return 1 / (1 + Math.exp(ham - spam));
}

/**
 * Classifies comments as spam or ham.
 *
 * @example
 * classifyComments(getDefaultSpamModel(), ['Love this song', 'check out my channel www.x.com']);
 * // [{ label: 'ham', … }, { label: 'spam', … }]
 */
export function classifyComments(model: SpamModel, texts: readonly string[]): CommentClassification[] {
  return texts.map((text) => {
    const p = spamProbability(model, text);
    return { text, spamProbability: Math.round(p * 10000) / 10000, label: p >= model.threshold ? 'spam' : 'ham' };
  });
}

let defaultModel: SpamModel | undefined;

/** The model trained on the shipped YouTube spam data, trained on first use and then cached. */
export function getDefaultSpamModel(): SpamModel {
  defaultModel ??= trainSpamModel(loadYoutubeSpamComments());
  return defaultModel;
}
