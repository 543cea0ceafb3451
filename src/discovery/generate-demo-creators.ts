/**
 * Seeded, realistic sample creators in the import format, for the demo workspace: heavy-tailed
 * followers, engagement around each tier's benchmark, niche content, audiences, comments, and a
 * share of creators with bought followers, engagement pods, comment spam or empty profiles.
 */
import type { ImportRecordInput } from './import-schemas.ts';
import { DEFAULT_NICHE_TAXONOMY } from './niche-taxonomy.ts';
import { createRng, shuffled } from './rng.ts';
import { expectedEngagement } from './tiers.ts';

export type DemoPersona = 'organic' | 'bought' | 'pod' | 'spam' | 'incomplete';
const PERSONAS: [DemoPersona, number][] = [['organic', 0.72], ['bought', 0.09], ['pod', 0.08], ['spam', 0.06], ['incomplete', 0.05]];
const FIRST = 'Maya Jordan Priya Leo Sofia Amara Noah Hana Camila Ethan Zoe Ravi Lena Omar Ines Finn Aiko Mateo Nora Kofi Elif Luca Yara Jonas Mila Tariq Freya Diego Anya Sami'.split(' ');
const LAST = 'Chen Ellis Raman Martins Rossi Okafor Fischer Sato Reyes Brooks Laurent Kapoor Novak Haddad Silva Berg Tanaka Garcia Lind Mensah Kaya Bianchi Costa Weber Ivanova Aziz Hansen Lopez Petrov Nakamura'.split(' ');
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'SE', 'BR', 'IN', 'CA', 'AU', 'JP'];
const LANGUAGE: Record<string, string> = { US: 'en', GB: 'en', CA: 'en', AU: 'en', IN: 'en', DE: 'de', FR: 'fr', ES: 'es', IT: 'it', NL: 'nl', SE: 'sv', BR: 'pt', JP: 'ja' };
const CITY: Record<string, string> = { US: 'Austin, TX', GB: 'London', DE: 'Berlin', FR: 'Lyon', ES: 'Madrid', IT: 'Milan', NL: 'Utrecht', SE: 'Stockholm', BR: 'São Paulo', IN: 'Bengaluru', CA: 'Toronto', AU: 'Melbourne', JP: 'Osaka' };
const AGES = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'];
const FORMATS = { instagram: ['image', 'carousel', 'reel', 'reel', 'story'], tiktok: ['reel'], youtube: ['video', 'video', 'reel'], x: ['text', 'text', 'image'] } as const;
// Ordinary audience comments, each pairing checked to be "ham" for the shipped spam model.
const QUESTIONS = ['Where did you get the rug?', 'How long did the dough rest?', 'What oven temperature did you use?', 'Is this gluten free?', 'Which pan is that?', 'How many servings does it make?', 'Which city is this?', 'What camera do you use?', 'What brand is the jacket?', 'Where was this taken?', 'How long did the yoga take you?'];
const REMARKS = ['This looks delicious, saving it', 'Tried it yesterday, my kids loved it', 'Great tip about the salt, thanks', 'Lovely light in this shot', 'The colours are gorgeous here', 'Love the plating', 'Looks like a cozy place', 'My cat does the same thing', 'Perfect timing, I was just looking for this', 'The view is unreal', 'Cute dog in the corner'];
const GENUINE = REMARKS.flatMap((r) => QUESTIONS.map((q) => `${r}. ${q}`));
const GENERIC = ['Nice pic!', 'Amazing!!', 'love this', 'great post', 'so cute', 'wow', 'Beautiful 😍', 'keep it up'];
const EMOJI = ['🔥🔥🔥', '😍😍', '👏👏👏', '❤️❤️', '💯'];
const SPAM = ['Check out my channel for free giveaways www.freegift.biz', 'subscribe to my channel please!! I follow back', 'Make $500 a day from home, visit bit.ly/cash-now', 'Follow me and I follow back 100%! check my page', 'I give away iPhones, link in my bio, check out my profile'];

/**
 * `count` creators in the import format; the same seed gives the same creators.
 * @example generateDemoCreators(300, 42).length // ≥ 300 records (some creators have two accounts)
 */
export function generateDemoCreators(count: number, seed = 42, now = new Date()): ImportRecordInput[] {
  const rand = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const out: ImportRecordInput[] = [];
  for (let n = 0; n < count; n++) {
    let r = rand();
    const persona = PERSONAS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'organic';
    const niche = pick(DEFAULT_NICHE_TAXONOMY);
    const second = pick(DEFAULT_NICHE_TAXONOMY);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const country = pick(COUNTRIES);
    const platform = pick(['instagram', 'instagram', 'tiktok', 'tiktok', 'youtube', 'x'] as const);
    const followers = Math.round(Math.min(3_000_000, Math.max(800, Math.exp(Math.log(15_000) + 1.3 * normal()))));
    const handle = `${name.split(' ')[0]!.toLowerCase()}.${niche.id.split('-')[0]}${n}`;
    const words = (k: number) => Array.from({ length: k }, () => pick(rand() < 0.8 ? niche.keywords : second.keywords));
    const expected = expectedEngagement(followers) ?? { low: 0.03, high: 0.03 };
    const organicEr = ((expected.low + expected.high) / 2) * Math.exp(0.35 * normal());
    const er = persona === 'bought' ? organicEr * 0.12 : persona === 'pod' ? organicEr * 4.5 : organicEr;
    const commentShare = persona === 'pod' ? 0.12 : platform === 'x' ? 0.1 : 0.03;
    const postCount = persona === 'incomplete' ? 4 : 14;
    const pods = Array.from({ length: 8 }, (_, i) => `pod_${n}_${i}`);
    const posts = Array.from({ length: postCount }, (_, i) => {
      const format = pick(FORMATS[platform]);
      const total = Math.max(1, Math.round(followers * er * Math.exp(0.25 * normal())));
      const comments = Math.max(persona === 'bought' ? 0 : 1, Math.round(total * commentShare));
      const shares = platform === 'x' ? Math.round(total * 0.1) : Math.round(total * 0.04);
      const saves = platform === 'x' ? 0 : Math.round(total * 0.06);
      const video = format === 'reel' || format === 'video';
      return {
        id: `${handle}-p${i}`,
        postedAt: new Date(now.getTime() - (i * 5 + rand() * 3) * 86_400_000).toISOString(),
        format,
        caption: `${words(1)[0]} day: ${words(3).join(', ')} and more ${words(1)[0]} notes. #${pick(niche.hashtags)} #${pick(niche.hashtags)}${rand() < 0.2 ? ` #${pick(second.hashtags)}` : ''}`,
        likes: Math.max(0, total - comments - shares - saves),
        comments,
        shares,
        saves,
        views: video ? Math.round(followers * (0.4 + rand() * 1.6)) : null,
        sponsored: rand() < 0.15,
        gifted: rand() < 0.08,
        hasCta: rand() < 0.3,
        faceShown: rand() < 0.7,
      };
    });
    const sample = persona === 'pod' ? 64 : persona === 'spam' ? 30 : 24;
    const genuine = shuffled(GENUINE, rand);
    const comments = Array.from({ length: sample }, (_, i) => {
      // Pod members all turn up under each post, eight comments per post.
      const post = posts[persona === 'pod' ? Math.floor(i / 8) % posts.length : i % posts.length]!;
      const postId = post.id;
      const author = persona === 'pod' && rand() < 0.85 ? pods[i % 8]! : `fan_${Math.floor(rand() * 1e6)}`;
      const text =
        persona === 'spam' && rand() < 0.4 ? pick(SPAM) : persona === 'pod' && rand() < 0.7 ? pick(rand() < 0.5 ? GENERIC : EMOJI) : rand() < 0.15 ? pick(GENERIC) : genuine[i]!;
      return { postId, author, text, postedAt: post.postedAt };
    });
    const home = 0.35 + rand() * 0.35;
    const others = COUNTRIES.filter((c) => c !== country).sort(() => rand() - 0.5).slice(0, 3);
    const ageWeights = AGES.map((_, i) => Math.exp(-((i - 1.6 - rand()) ** 2) / 1.5));
    const ageSum = ageWeights.reduce((a, b) => a + b, 0);
    const female = ['beauty-skincare', 'parenting', 'wellness', 'sustainable-fashion'].includes(niche.id) ? 0.75 : niche.id === 'gaming' || niche.id === 'automotive' ? 0.25 : 0.5;
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const day = 86_400_000;
    // Monthly snapshots growing ~2% a month; bought audiences jump ~40% within four days.
    const history = [5, 4, 3, 2, 1, 0].map((m) => ({ at: now.getTime() - (m * 30 + 1) * day, followers: followers / (1 + 0.02 * m) }));
    if (persona === 'bought') {
      history.push({ at: now.getTime() - 65 * day, followers: followers / 1.04 });
      for (const h of history) if (h.at < now.getTime() - 62 * day) h.followers *= 0.7;
      history.sort((a, b) => a.at - b.at);
    }
    out.push({
      platform,
      handle,
      creatorRef: `demo-${n}`,
      name,
      followers,
      following: persona === 'bought' ? 6_800 + Math.round(rand() * 600) : Math.round(150 + rand() * 900),
      postsCount: persona === 'incomplete' ? 4 : 60 + Math.round(rand() * 900),
      displayName: name,
      bio: persona === 'incomplete' ? '' : `${niche.label} | ${words(2).join(' & ')} | ${CITY[country]}`,
      location: CITY[country],
      country,
      language: LANGUAGE[country],
      hasProfilePicture: persona !== 'incomplete',
      verified: followers > 500_000 && rand() < 0.5,
      ...(rand() < 0.6 ? { contactEmail: `${handle.replace(/[^a-z0-9]/g, '')}@mail.example` } : {}),
      posts,
      comments,
      audience: [
        { dimension: 'country', key: country, share: round2(home), source: 'platform insights' },
        ...others.map((c, i) => ({ dimension: 'country' as const, key: c, share: round2(((1 - home) * (3 - i)) / 8), source: 'platform insights' })),
        ...AGES.map((a, i) => ({ dimension: 'age' as const, key: a, share: Math.floor((ageWeights[i]! / ageSum) * 100) / 100, source: 'platform insights' })),
        { dimension: 'gender', key: 'female', share: round2(female), source: 'platform insights' },
        { dimension: 'gender', key: 'male', share: round2(0.97 - female), source: 'platform insights' },
      ],
      followerHistory: history.map((h) => ({ at: new Date(h.at).toISOString(), followers: Math.round(h.followers) })),
      followerSample: Array.from({ length: 25 }, (_, i) =>
        persona === 'bought' && i % 2 === 0
          ? { username: `user${Math.floor(rand() * 1e8)}`, followers: Math.floor(rand() * 20), following: 5_000 + Math.floor(rand() * 2_400), posts: 0, hasProfilePicture: false, isPrivate: false }
          : { username: `${pick(FIRST).toLowerCase()}_${pick(LAST).toLowerCase()}`, followers: 80 + Math.floor(rand() * 900), following: 100 + Math.floor(rand() * 600), posts: 10 + Math.floor(rand() * 300), hasProfilePicture: true, isPrivate: rand() < 0.3 },
      ),
    });
    if (persona === 'organic' && rand() < 0.2) {
      const other = platform === 'instagram' ? 'tiktok' : 'instagram';
      out.push({ platform: other, handle, creatorRef: `demo-${n}`, followers: Math.round(followers * (0.1 + rand() * 0.5)), bio: `${niche.label} clips`, country });
    }
  }
  return out;
}
