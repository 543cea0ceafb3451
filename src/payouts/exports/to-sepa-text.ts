import { transliterate } from './sepa-transliterations.ts';

// The EPC's SEPA Latin character set (EPC217-08): what every SEPA bank must accept.
const ALLOWED = /^[A-Za-z0-9/\-?:().,'+ ]$/;

/**
 * Text restricted to the SEPA Latin character set and cut to `maxLength` characters:
 * accents are dropped ("é" → "e"), other letters transliterated ("ß" → "ss", "Ж" → "Zh",
 * "Δ" → "D"), "&" becomes "+", and characters with no Latin spelling (CJK, emoji, …) are
 * removed. Whitespace collapses to single spaces. May return '' when nothing is representable;
 * callers decide whether that is an error (a name) or means "omit" (remittance information).
 * @example toSepaText('Łukasz & Zoë <Ltd>', 70) // 'Lukasz + Zoe (Ltd)'
 * @example toSepaText('Иван Петров', 70)         // 'Ivan Petrov'
 */
export function toSepaText(text: string, maxLength: number): string {
  let out = '';
  const bare = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // Greek "ου" is one sound, spelled "ou" (ELOT 743): Papadopoulou, not Papadopoyloy.
    .replace(/([οΟ])([υΥ])/gu, (_, o: string, u: string) => (o === 'Ο' ? 'O' : 'o') + (u === 'Υ' ? 'U' : 'u'));
  const chars = [...bare];
  chars.forEach((ch, i) => {
    const next = chars[i + 1] ?? '';
    if (/\s/u.test(ch)) out += ' ';
    else if (ALLOWED.test(ch)) out += ch;
    else out += transliterate(ch, next !== next.toLowerCase()) ?? ' ';
  });
  return out.replace(/ {2,}/g, ' ').trim().slice(0, maxLength).trimEnd();
}
