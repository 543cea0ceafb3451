import type { AssessedClick } from './assess-clicks.ts';
import type { AttributionModel } from './types.ts';

/**
 * The click the model picks: the latest (last_click) or earliest (first_click). On an exact time
 * tie the click named by the conversion's own click id wins, because the merchant told us which
 * one; otherwise the larger (last_click) or smaller (first_click) click id, so the result never
 * depends on input order. Callers pass only clicks that may attribute.
 * @example
 * pickClick([older, newer], 'last_click') // newer
 * pickClick([], 'first_click') // null
 */
export function pickClick(clicks: readonly AssessedClick[], model: AttributionModel): AssessedClick | null {
  const sign = model === 'last_click' ? 1 : -1;
  let best: AssessedClick | null = null;
  for (const c of clicks) {
    if (best === null || beats(c, best, sign)) best = c;
  }
  return best;
}

function beats(a: AssessedClick, b: AssessedClick, sign: number): boolean {
  const dt = a.click.clickedAt.getTime() - b.click.clickedAt.getTime();
  if (dt !== 0) return dt * sign > 0;
  if (a.explicit !== b.explicit) return a.explicit;
  return a.click.clickId !== b.click.clickId && (a.click.clickId > b.click.clickId ? sign > 0 : sign < 0);
}
