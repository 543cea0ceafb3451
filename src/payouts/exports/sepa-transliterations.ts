/**
 * Replacements for characters outside the SEPA Latin set that Unicode decomposition (NFD) does
 * not reduce to a plain letter: Latin letters with strokes and ligatures, Greek and Cyrillic
 * (Greece and Bulgaria pay in EUR, so Greek and Bulgarian names reach SEPA files), and
 * punctuation with a close allowed cousin. Upper-case keys; lower case is derived.
 */
const LETTERS: Record<string, string> = {
  // Latin
  ß: 'ss', ẞ: 'SS', Æ: 'AE', Ø: 'O', Œ: 'OE', Þ: 'TH', Ð: 'D', Đ: 'D', Ł: 'L', Ħ: 'H', Ŋ: 'N', Ŧ: 'T', ı: 'i', ſ: 's', ĸ: 'k',
  // Greek (ELOT 743, simplified)
  Α: 'A', Β: 'V', Γ: 'G', Δ: 'D', Ε: 'E', Ζ: 'Z', Η: 'I', Θ: 'TH', Ι: 'I', Κ: 'K', Λ: 'L', Μ: 'M', Ν: 'N', Ξ: 'X', Ο: 'O',
  Π: 'P', Ρ: 'R', Σ: 'S', ς: 's', Τ: 'T', Υ: 'Y', Φ: 'F', Χ: 'CH', Ψ: 'PS', Ω: 'O',
  // Cyrillic (Bulgarian, Russian, Ukrainian, Serbian, Macedonian)
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ґ: 'G', Д: 'D', Ђ: 'DJ', Ѓ: 'GJ', Е: 'E', Є: 'YE', Ж: 'ZH', З: 'Z', Ѕ: 'DZ', И: 'I', І: 'I',
  Ј: 'J', К: 'K', Л: 'L', Љ: 'LJ', М: 'M', Н: 'N', Њ: 'NJ', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', Ћ: 'C', Ќ: 'KJ', У: 'U',
  Ф: 'F', Х: 'H', Ц: 'TS', Ч: 'CH', Џ: 'DZ', Ш: 'SH', Щ: 'SHT', Ъ: 'A', Ы: 'Y', Ь: '', Э: 'E', Ю: 'YU', Я: 'YA',
};

const PUNCTUATION: Record<string, string> = {
  '&': '+', _: '-', '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '"': "'", '“': "'", '”': "'",
  '„': "'", '«': "'", '»': "'", '‘': "'", '’': "'", '‚': "'", '‹': "'", '›': "'", '`': "'", '´': "'", '<': '(', '[': '(',
  '{': '(', '>': ')', ']': ')', '}': ')', ';': ',', '!': '.', '…': '...', '·': '.', '\\': '/',
};

/**
 * The replacement for one character (after NFD and removal of combining marks), or undefined
 * when it has none. Lower-case letters use the upper-case entry, lower-cased; an upper-case
 * letter becomes Title case ("Жанна" → "Zhanna") unless `inCaps` (the next letter is upper
 * case too: "ЖАННА" → "ZHANNA").
 * @example transliterate('Щ') // 'Sht'
 */
export function transliterate(ch: string, inCaps = false): string | undefined {
  const punct = PUNCTUATION[ch];
  if (punct !== undefined) return punct;
  const direct = LETTERS[ch];
  if (direct !== undefined) {
    const titleCase = direct.length > 1 && !inCaps && direct === direct.toUpperCase();
    return titleCase ? direct[0] + direct.slice(1).toLowerCase() : direct;
  }
  const upper = ch.toUpperCase();
  if (upper !== ch && upper.length === 1) {
    const fromUpper = LETTERS[upper];
    if (fromUpper !== undefined) return fromUpper.toLowerCase();
  }
  return undefined;
}
