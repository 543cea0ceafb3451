/**
 * Text normalisation shared by niche assignment and BM25: lower-case, accents stripped, English
 * stop words dropped and a light plural stemmer, so "Recipes" matches "recipe".
 */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from has have i in is it its me my of on or our so ' +
    'that the their them they this to was we were what when where which who will with you your ' +
    'all any can do does just not no more most very out up about into over than then there these ' +
    'those too us via im ive dont'
  ).split(' '),
);

/**
 * Light English stemmer: only plurals, which are most of the variation in bios and captions.
 * Heavier stemmers conflate niche words ("fashion"/"fashionable" is fine, "gaming"/"game" less so).
 *
 * @example
 * stem('recipes'); // 'recipe'
 * stem('babies'); // 'baby'
 * stem('dress'); // 'dress'
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Tokens of a text: normalised, stemmed, stop words removed. '#' and '@' are dropped so
 * hashtags and mentions count as words.
 *
 * @example
 * tokenize('Vegan Recipes & #MealPrep ideas!'); // ['vegan', 'recipe', 'mealprep', 'idea']
 */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  return words.filter((w) => !STOP_WORDS.has(w)).map(stem);
}
