import { useEffect, useState } from 'react';
import { api } from '../../lib/api.ts';
import type { Influencer } from './types.ts';

// Partnerships carry only the influencer id; names come from GET /api/v1/influencers/:id, kept
// for the session so the board and tabs do not ask twice.
const cache = new Map<string, Promise<Influencer | null>>();

function load(id: string): Promise<Influencer | null> {
  let p = cache.get(id);
  if (!p) {
    p = api<{ influencer: Influencer }>(`/api/v1/influencers/${id}`)
      .then((r) => r.influencer)
      .catch(() => {
        cache.delete(id);
        return null;
      });
    cache.set(id, p);
  }
  return p;
}

/** Influencers by id for the given ids (missing ones stay absent; show the id instead). */
export function useInfluencers(ids: string[]): Map<string, Influencer> {
  const [found, setFound] = useState<Map<string, Influencer>>(new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const unique = key ? key.split(',') : [];
    void Promise.all(unique.map(load)).then((list) => {
      if (!live) return;
      setFound(new Map(list.filter((x): x is Influencer => x !== null).map((i) => [i.id, i])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return found;
}
