/**
 * The default niche taxonomy. Brands can edit it: `assignNiches` takes any list of the same
 * shape. Keywords may be phrases; hashtags are written without '#', lower-case.
 */

export interface NicheDefinition {
  id: string;
  label: string;
  keywords: readonly string[];
  hashtags: readonly string[];
}

const niche = (id: string, label: string, keywords: string, hashtags: string): NicheDefinition => ({
  id,
  label,
  keywords: keywords.split(',').map((k) => k.trim()).filter(Boolean),
  hashtags: hashtags.split(/\s+/).filter(Boolean),
});

export const DEFAULT_NICHE_TAXONOMY: readonly NicheDefinition[] = [
  niche('fitness', 'Fitness', 'fitness, workout, gym, training, strength, hiit, crossfit, personal trainer, bodybuilding, cardio, squat, deadlift, pilates, running, runner, marathon, protein, muscle, athlete',
    'fitness fitfam gym workout fitspo gymlife personaltrainer hiit legday crossfit pilates running fitnessmotivation'),
  niche('wellness', 'Wellness', 'wellness, wellbeing, mindfulness, meditation, yoga, mental health, self care, selfcare, breathwork, holistic, sleep, stress, healing, gut health, journaling',
    'wellness selfcare mindfulness meditation yoga mentalhealth wellbeing holistichealth selflove guthealth'),
  niche('sustainable-fashion', 'Sustainable fashion', 'sustainable fashion, slow fashion, ethical fashion, thrift, thrifted, secondhand, second hand, preloved, upcycled, upcycling, vintage, capsule wardrobe, circular fashion, organic cotton',
    'sustainablefashion slowfashion ethicalfashion thrifted thriftfinds secondhand preloved upcycling vintagestyle whomademyclothes capsulewardrobe'),
  niche('fashion', 'Fashion', 'fashion, outfit, style, ootd, streetwear, dress, designer, runway, menswear, sneaker, lookbook, wardrobe, stylist',
    'fashion ootd style outfitoftheday streetwear fashionblogger lookbook menswear sneakers instafashion'),
  niche('beauty-skincare', 'Beauty & skincare', 'beauty, skincare, skin care, makeup, serum, moisturiser, moisturizer, spf, sunscreen, retinol, acne, foundation, lipstick, cosmetic, glow, nail, haircare, fragrance',
    'skincare beauty makeup skincareroutine mua glowingskin makeuptutorial beautyblogger skincaretips nails haircare'),
  niche('tech', 'Tech', 'tech, technology, gadget, smartphone, iphone, android, laptop, software, coding, developer, programming, ai, unboxing, setup, pc, app, startup',
    'tech technology gadgets coding programming techreview unboxing ai iphone android setup developer'),
  niche('food-beverage', 'Food & beverage', 'food, recipe, cooking, baking, chef, dinner, lunch, breakfast, vegan, vegetarian, foodie, restaurant, coffee, wine, cocktail, meal prep, dessert, kitchen',
    'food foodie recipe recipes cooking baking vegan foodporn homecooking mealprep coffee instafood plantbased'),
  niche('parenting', 'Parenting', 'parenting, mom, mum, dad, mother, father, baby, toddler, kid, child, pregnancy, pregnant, newborn, motherhood, fatherhood, family, breastfeeding, homeschool',
    'parenting momlife mumlife dadlife motherhood momblogger babies toddlerlife pregnancy newborn familytime'),
  niche('lifestyle', 'Lifestyle', 'lifestyle, daily life, day in my life, routine, vlog, inspiration, everyday, weekend, life update, aesthetic, productivity, morning routine',
    'lifestyle lifestyleblogger dayinmylife vlog dailyvlog aesthetic morningroutine inspo'),
  niche('travel', 'Travel', 'travel, traveler, traveller, trip, vacation, holiday, destination, backpacking, wanderlust, hotel, flight, roadtrip, road trip, beach, explore, adventure, itinerary, city guide',
    'travel wanderlust travelgram travelphotography instatravel backpacking roadtrip vacation explore travelblogger digitalnomad'),
  niche('gaming', 'Gaming', 'gaming, gamer, game, esport, esports, twitch, stream, streamer, playstation, xbox, nintendo, console, fortnite, minecraft, speedrun, rpg',
    'gaming gamer videogames twitch streamer esports playstation xbox nintendo fortnite minecraft pcgaming'),
  niche('finance', 'Finance', 'finance, money, investing, invest, investor, stock, etf, crypto, bitcoin, budget, budgeting, saving, debt, retirement, personal finance, wealth, passive income',
    'finance personalfinance investing money stocks crypto bitcoin budgeting financialfreedom wealth passiveincome'),
  niche('pets', 'Pets', 'pet, dog, puppy, cat, kitten, dogs of instagram, rescue dog, adopt, vet, paw, pup, pets',
    'pets dog dogsofinstagram cat catsofinstagram puppy kitten petstagram rescuedog doglover catlover'),
  niche('home', 'Home & interiors', 'home, interior, interior design, decor, home decor, diy, renovation, furniture, plants, houseplant, cozy, organisation, organization, cleaning, garden, gardening, apartment',
    'home homedecor interiordesign interior decor diy renovation houseplants homeinspo cleaningtok gardening'),
  niche('outdoors', 'Outdoors', 'outdoor, outdoors, hiking, hike, camping, climbing, mountain, trail, nature, ski, surf, kayak, van life, vanlife, wild',
    'hiking outdoors camping nature mountains climbing vanlife optoutside trailrunning adventure'),
  niche('sports', 'Sports', 'sport, football, soccer, basketball, tennis, golf, cycling, cyclist, swimming, triathlon, athlete, match, league, team',
    'sports football soccer basketball tennis golf cycling triathlon athlete'),
  niche('music', 'Music', 'music, musician, singer, song, band, guitar, piano, producer, dj, album, concert, cover, rapper, songwriter',
    'music musician singer newmusic guitar piano producer dj songwriter cover'),
  niche('art-design', 'Art & design', 'art, artist, illustration, drawing, painting, design, designer, graphic design, photography, photographer, ceramics, craft, handmade',
    'art artist illustration drawing painting design graphicdesign photography handmade ceramics'),
  niche('education', 'Education & careers', 'education, learning, study, student, teacher, career, job, interview, productivity, language, tutorial, tips, university',
    'education studygram learning student teacher careeradvice studytips languagelearning'),
  niche('books', 'Books', 'book, books, reading, reader, novel, author, bookstagram, book review, literature, library',
    'bookstagram books reading booklover booktok bookreview amreading'),
  niche('automotive', 'Automotive', 'car, cars, automotive, motorcycle, ev, electric vehicle, tesla, engine, racing, detailing',
    'cars carsofinstagram automotive motorcycle ev tesla carlifestyle racing'),
];
