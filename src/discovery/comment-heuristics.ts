/**
 * Cheap text heuristics for comment quality: engagement pods and bought comments leave short,
 * interchangeable comments ("Nice pic!", "🔥🔥🔥") that say nothing about the post.
 */

/**
 * Words that, alone, make up the interchangeable praise typical of pods and comment bots. A
 * comment is generic only when every word is in this list, so "love this recipe" is not.
 */
export const GENERIC_COMMENT_WORDS: ReadonlySet<string> = new Set(
  (
    'nice great good cool love loved lovely like amazing awesome wow woww wowww beautiful gorgeous ' +
    'stunning cute pretty perfect super superb fantastic fab fabulous incredible excellent ' +
    'brilliant omg yes yas yass queen goals fire lit dope epic best wonderful magnificent ' +
    'this that it so very much really soo sooo such a an the is are what i you ur your my ' +
    'pic pics picture photo photos shot shots post posts pict content feed profile page account ' +
    'keep up work job vibes vibe look looks looking dear bro sis girl guys babe ' +
    'thanks thank thx ty u ❤ xo xoxo haha lol wonderful'
  ).split(/\s+/),
);

/** Longest comment, in words, still treated as possibly generic; longer ones carry content. */
const MAX_GENERIC_WORDS = 5;

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Emoji glue: zero-width joiner, variation selectors, skin tones, keycap combiner, tag chars. */
const EMOJI_GLUE = /[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;

/**
 * True when a comment consists only of emoji (and spaces/punctuation).
 *
 * @example
 * isEmojiOnly('🔥🔥🔥'); // true
 * isEmojiOnly('❤️ so good'); // false
 */
export function isEmojiOnly(text: string): boolean {
  const stripped = text.replace(EMOJI_GLUE, '').replace(/[\s\p{P}\p{S}]/gu, (ch) => (EMOJI.test(ch) ? ch : ''));
  if (stripped.length === 0) return false;
  return [...stripped].every((ch) => EMOJI.test(ch));
}

/**
 * True when a comment is short, interchangeable praise that could sit under any post.
 * Emoji-only comments are reported by `isEmojiOnly` instead and are not generic here.
 *
 * @example
 * isGenericComment('Nice pic!! 😍'); // true
 * isGenericComment('Where did you get that jacket?'); // false
 */
export function isGenericComment(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(EMOJI_GLUE, '')
    .match(/[\p{L}\p{N}']+/gu);
  if (!words || words.length === 0 || words.length > MAX_GENERIC_WORDS) return false;
  return words.every((w) => {
    // Stretched praise ("wooooow", "niiiice") is the same word said louder.
    const squashed = w.replace(/(.)\1{2,}/g, '$1');
    return GENERIC_COMMENT_WORDS.has(w) || GENERIC_COMMENT_WORDS.has(squashed) || /^(ha)+h?$/.test(w);
  });
}

/**
 * Key for spotting duplicate comments: lower-case letters, digits and emoji only, so
 * "Great post!!" and "great post" collide.
 *
 * @example
 * duplicateKey('Great   post!!'); // 'greatpost'
 */
export function duplicateKey(text: string): string {
  return [...text.toLowerCase().replace(EMOJI_GLUE, '')]
    .filter((ch) => /[\p{L}\p{N}]/u.test(ch) || EMOJI.test(ch))
    .join('');
}
