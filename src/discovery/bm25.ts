/**
 * Okapi BM25 over a set of documents (typically one per creator: bio + captions + hashtags),
 * with per-term contributions so relevance can be explained.
 */
import { tokenize } from './text.ts';

export interface Bm25Document {
  id: string;
  text: string;
}

export interface Bm25Index {
  k1: number;
  b: number;
  avgLength: number;
  documentCount: number;
  /** Number of documents containing each term. */
  df: Map<string, number>;
  docs: Map<string, { length: number; tf: Map<string, number> }>;
}

export interface Bm25TermScore {
  term: string;
  tf: number;
  idf: number;
  contribution: number;
}

export interface Bm25Result {
  id: string;
  score: number;
  /**
   * score / the best score a document could reach for this query (every query word that occurs
   * in the index present with a very high frequency), 0–1; comparable across queries, unlike
   * the raw score.
   */
  normalized: number;
  terms: Bm25TermScore[];
}

export interface Bm25Options {
  /** Term-frequency saturation; 1.2 is the usual default. */
  k1?: number;
  /** Length normalisation strength; 0.75 is the usual default. */
  b?: number;
}

/**
 * Builds the index.
 *
 * @example
 * const index = buildBm25Index([{ id: 'a', text: 'vegan recipes' }, { id: 'b', text: 'gaming setup' }]);
 */
export function buildBm25Index(documents: readonly Bm25Document[], options: Bm25Options = {}): Bm25Index {
  const df = new Map<string, number>();
  const docs = new Map<string, { length: number; tf: Map<string, number> }>();
  let totalLength = 0;
  for (const d of documents) {
    const tokens = tokenize(d.text);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    docs.set(d.id, { length: tokens.length, tf });
    totalLength += tokens.length;
  }
  return {
    k1: options.k1 ?? 1.2,
    b: options.b ?? 0.75,
    avgLength: documents.length === 0 ? 0 : totalLength / documents.length,
    documentCount: documents.length,
    df,
    docs,
  };
}

/** BM25 idf with the +1 inside the log (Lucene), so it is never negative. */
export function bm25Idf(index: Bm25Index, term: string): number {
  const n = index.df.get(term) ?? 0;
  return Math.log(1 + (index.documentCount - n + 0.5) / (n + 0.5));
}

export interface Bm25ScoreOptions {
  /**
   * Weigh every query term 1 instead of by idf. Use it when the index holds a single document,
   * where idf would only say which query words that one document lacks.
   */
  uniformIdf?: boolean;
}

/**
 * Scores every indexed document against a query, best first (ties by id).
 *
 * @example
 * scoreBm25(index, 'vegan recipe ideas')[0].id; // 'a'
 */
export function scoreBm25(index: Bm25Index, query: string, options: Bm25ScoreOptions = {}): Bm25Result[] {
  const terms = [...new Set(tokenize(query))];
  const idf = new Map(terms.map((t) => [t, options.uniformIdf ? 1 : bm25Idf(index, t)]));
  // Query words no indexed document uses cannot tell documents apart; leaving them out of the
  // best possible score keeps them from deflating every document's normalised score alike.
  const reachable = options.uniformIdf ? terms : terms.filter((t) => index.df.has(t));
  const best = reachable.reduce((s, t) => s + (idf.get(t) as number) * (index.k1 + 1), 0);
  const results: Bm25Result[] = [];
  for (const [id, doc] of index.docs) {
    const norm = index.k1 * (1 - index.b + (index.b * doc.length) / (index.avgLength || 1));
    const scored = terms
      .map((term) => {
        const tf = doc.tf.get(term) ?? 0;
        const termIdf = idf.get(term) as number;
        return { term, tf, idf: termIdf, contribution: tf === 0 ? 0 : (termIdf * tf * (index.k1 + 1)) / (tf + norm) };
      })
      .filter((t) => t.tf > 0)
      .sort((a, b) => b.contribution - a.contribution);
    const score = scored.reduce((s, t) => s + t.contribution, 0);
    results.push({ id, score, normalized: best === 0 ? 0 : Math.min(1, score / best), terms: scored });
  }
  return results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
