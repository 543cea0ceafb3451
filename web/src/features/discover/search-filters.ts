// The search form's state, and its translation to and from the API's query (which is also the
// page's URL query, so a search can be bookmarked and shared).

export type Filters = {
  brief: string;
  sort: string;
  platform: string[];
  tier: string[];
  niche: string[];
  briefNiches: string[];
  minFollowers: string;
  maxFollowers: string;
  /** Percent as typed ("2" = 2%); the API wants fractions. */
  minEr: string;
  maxEr: string;
  minAuthenticity: string;
  country: string;
  location: string;
  language: string;
  hasEmail: '' | 'true' | 'false';
  audienceCountry: string;
  audienceCountryShare: string;
  audienceAge: string;
  audienceAgeShare: string;
  audienceGender: string;
  audienceGenderShare: string;
};

export const EMPTY_FILTERS: Filters = {
  brief: '',
  sort: '',
  platform: [],
  tier: [],
  niche: [],
  briefNiches: [],
  minFollowers: '',
  maxFollowers: '',
  minEr: '',
  maxEr: '',
  minAuthenticity: '',
  country: '',
  location: '',
  language: '',
  hasEmail: '',
  audienceCountry: '',
  audienceCountryShare: '',
  audienceAge: '',
  audienceAgeShare: '',
  audienceGender: '',
  audienceGenderShare: '',
};

type Kind = 'text' | 'list' | 'percent';
/** Form field → API parameter, and how the value travels. */
const MAP: [keyof Filters, string, Kind][] = [
  ['brief', 'brief', 'text'],
  ['sort', 'sort', 'text'],
  ['platform', 'platform', 'list'],
  ['tier', 'tier', 'list'],
  ['niche', 'niche', 'list'],
  ['briefNiches', 'briefNiches', 'list'],
  ['minFollowers', 'minFollowers', 'text'],
  ['maxFollowers', 'maxFollowers', 'text'],
  ['minEr', 'minEngagementRate', 'percent'],
  ['maxEr', 'maxEngagementRate', 'percent'],
  ['minAuthenticity', 'minAuthenticity', 'text'],
  ['country', 'country', 'text'],
  ['location', 'location', 'text'],
  ['language', 'language', 'text'],
  ['hasEmail', 'hasEmail', 'text'],
  ['audienceCountry', 'audienceCountry', 'text'],
  ['audienceCountryShare', 'minAudienceCountryShare', 'percent'],
  ['audienceAge', 'audienceAge', 'text'],
  ['audienceAgeShare', 'minAudienceAgeShare', 'percent'],
  ['audienceGender', 'audienceGender', 'text'],
  ['audienceGenderShare', 'minAudienceGenderShare', 'percent'],
];

const clean = (n: number) => String(Number(n.toFixed(8)));

/** Form → API query (percents become fractions; empty fields are left out). */
export function toQuery(f: Filters): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [field, param, kind] of MAP) {
    const v = f[field];
    if (kind === 'list') {
      if ((v as string[]).length) q[param] = (v as string[]).join(',');
      continue;
    }
    const s = (v as string).trim();
    if (!s) continue;
    q[param] = kind === 'percent' && Number.isFinite(Number(s)) ? clean(Number(s) / 100) : s;
  }
  return q;
}

/** URL query → form (unknown parameters are ignored). */
export function fromSearch(search: string): Filters {
  const p = new URLSearchParams(search);
  const f: Filters = { ...EMPTY_FILTERS, platform: [], tier: [], niche: [], briefNiches: [] };
  const r = f as unknown as Record<string, string | string[]>;
  for (const [field, param, kind] of MAP) {
    const v = p.get(param);
    if (v === null || v === '') continue;
    if (kind === 'list') r[field] = v.split(',').filter(Boolean);
    else if (kind === 'percent') r[field] = Number.isFinite(Number(v)) ? clean(Number(v) * 100) : v;
    else r[field] = v;
  }
  return f;
}

/** How many filters (beyond the brief and sort) are set, for the "More filters" summary. */
export function countAdvanced(f: Filters): number {
  const keys: (keyof Filters)[] = ['minFollowers', 'maxFollowers', 'minEr', 'maxEr', 'minAuthenticity', 'country', 'location', 'language', 'hasEmail', 'audienceCountry', 'audienceAge', 'audienceGender', 'briefNiches'];
  return keys.filter((k) => (Array.isArray(f[k]) ? (f[k] as string[]).length > 0 : (f[k] as string).trim() !== '')).length;
}
