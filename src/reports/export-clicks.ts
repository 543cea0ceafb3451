import { stringify } from 'csv-stringify';
import type { Readable } from 'node:stream';
import type { Context } from '../shared/context.ts';

const PAGE = 5000;
export const CLICK_CSV_COLUMNS = [
  'id', 'clicked_at', 'link_id', 'influencer_id', 'campaign_id', 'country', 'device', 'os', 'browser', 'in_app', 'source',
  'referrer_host', 'bot', 'bot_reason', 'is_unique',
] as const;

/**
 * Raw clicks of [from, to) as a CSV stream, read page by page in (time, id) order so memory stays
 * flat whatever the range (PGlite has no server-side cursor, so keyset pages serve both engines).
 */
export function exportClicks({ ctx, input }: { ctx: Context; input: { from: Date; to: Date } }): Readable {
  const csv = stringify({ header: true, columns: [...CLICK_CSV_COLUMNS] });
  void (async () => {
    let after: { at: Date; id: string } | null = null;
    try {
      for (;;) {
        let q = ctx.db
          .selectFrom('clicks')
          .select([...CLICK_CSV_COLUMNS])
          .where('workspace_id', '=', ctx.workspaceId)
          .where('clicked_at', '>=', input.from)
          .where('clicked_at', '<', input.to);
        if (after) {
          const a: { at: Date; id: string } = after;
          q = q.where((eb) => eb.or([eb('clicked_at', '>', a.at), eb.and([eb('clicked_at', '=', a.at), eb('id', '>', a.id)])]));
        }
        const rows = await q.orderBy('clicked_at').orderBy('id').limit(PAGE).execute();
        for (const r of rows) {
          if (!csv.write({ ...r, clicked_at: r.clicked_at.toISOString() })) await new Promise((res) => csv.once('drain', res));
        }
        if (rows.length < PAGE) break;
        const last = rows[rows.length - 1]!;
        after = { at: last.clicked_at, id: last.id };
      }
      csv.end();
    } catch (err) {
      ctx.log.error({ err }, 'click export failed');
      csv.destroy(err as Error);
    }
  })();
  return csv;
}
