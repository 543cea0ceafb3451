import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import { Badge, EmptyState, ErrorBanner, Loading, Notice } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { STAGE_LABELS, STAGES } from './stages.ts';
import type { Influencer, Partnership } from './types.ts';
import { useInfluencers } from './use-influencers.ts';

type List = { data: Partnership[] };

/**
 * The campaign's pipeline: a column per stage, a tile per creator. Tiles can be dragged between
 * columns (HTML5 drag and drop) or moved with their "Move to" select (keyboard and screen readers).
 */
export function PipelineBoard({ campaignId }: { campaignId: string }) {
  const list = useApi<List>('/api/v1/partnerships', { campaignId });
  const overdue = useApi<List>('/api/v1/partnerships', { campaignId, flag: 'overdue' });
  const gifted = useApi<List>('/api/v1/partnerships', { campaignId, flag: 'gifted_not_posted' });
  const [moved, setMoved] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [dropOn, setDropOn] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const rows = list.data?.data ?? [];
  const people = useInfluencers(rows.map((p) => p.influencerId));
  const overdueIds = new Set((overdue.data?.data ?? []).map((p) => p.id));
  const giftedIds = new Set((gifted.data?.data ?? []).map((p) => p.id));
  const stageOf = (p: Partnership) => moved[p.id] ?? p.stage;
  const nameOf = (p: Partnership) => people.get(p.influencerId)?.name ?? p.influencerId;

  const move = async (p: Partnership, stage: string) => {
    if (stageOf(p) === stage) return;
    setBusy(p.id);
    setError(null);
    setMoved((m) => ({ ...m, [p.id]: stage }));
    try {
      await api(`/api/v1/partnerships/${p.id}/move`, { body: { stage } });
      setStatus(`${nameOf(p)} moved to ${STAGE_LABELS[stage]}.`);
      overdue.reload();
    } catch (e) {
      setMoved((m) => {
        const { [p.id]: _, ...rest } = m;
        return rest;
      });
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const onDrop = (e: DragEvent, stage: string) => {
    e.preventDefault();
    setDropOn(null);
    const p = rows.find((r) => r.id === e.dataTransfer.getData('text/plain'));
    if (p) void move(p, stage);
  };

  if (list.loading && !list.data) return <Loading label="Loading the pipeline…" />;
  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  if (rows.length === 0)
    return (
      <EmptyState title="No creators in this campaign yet" action={<Link href="/discover" className="button">Find creators in Discover</Link>}>
        Open a creator's profile and use “Add to campaign” to start a partnership; it appears here as a prospect.
      </EmptyState>
    );
  return (
    <>
      <ErrorBanner error={error} />
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {overdueIds.size || giftedIds.size ? (
        <Notice tone="warning">
          {overdueIds.size ? `${overdueIds.size} partnership${overdueIds.size > 1 ? 's have' : ' has'} overdue deliverables. ` : ''}
          {giftedIds.size ? `${giftedIds.size} creator${giftedIds.size > 1 ? 's' : ''} received a gift over 14 days ago and ${giftedIds.size > 1 ? 'have' : 'has'} not posted.` : ''}
        </Notice>
      ) : null}
      <p className="muted small">Drag a creator to another column, or choose its stage under “Move to stage” and press Move.</p>
      <div className="board">
        {STAGES.map((stage) => {
          const tiles = rows.filter((p) => stageOf(p) === stage);
          return (
            <section
              key={stage}
              className={`column${dropOn === stage ? ' drop' : ''}`}
              aria-labelledby={`col-${stage}`}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (dropOn !== stage) setDropOn(stage);
              }}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropOn(null);
              }}
              onDrop={(e) => onDrop(e, stage)}
              data-stage={stage}
            >
              <h2 id={`col-${stage}`}>
                <span>{STAGE_LABELS[stage]}</span>
                <span className="muted">{tiles.length}</span>
              </h2>
              {tiles.length === 0 ? <div className="column-empty">Drop a creator here</div> : null}
              {tiles.map((p) => (
                <Tile key={p.id} p={p} stage={stage} influencer={people.get(p.influencerId)} busy={busy === p.id} overdue={overdueIds.has(p.id)} gifted={giftedIds.has(p.id)} focus={focusId === p.id} onMove={(s) => {
                    setFocusId(p.id);
                    void move(p, s);
                  }} />
              ))}
            </section>
          );
        })}
      </div>
    </>
  );
}

type TileProps = { p: Partnership; stage: string; influencer: Influencer | undefined; busy: boolean; overdue: boolean; gifted: boolean; focus: boolean; onMove: (stage: string) => void };

function Tile({ p, stage, influencer, busy, overdue, gifted, focus, onMove }: TileProps) {
  const name = influencer?.name ?? p.influencerId;
  const handle = influencer ? Object.values(influencer.handles)[0] : undefined;
  const fee = p.terms.flatFee;
  const selectId = `move-${p.id}`;
  const [target, setTarget] = useState(stage);
  const selectRef = useRef<HTMLSelectElement>(null);
  // A keyboard move re-creates the tile in its new column: keep the focus on it.
  useEffect(() => {
    if (focus && !busy) selectRef.current?.focus();
  }, [focus, busy]);
  return (
    <article
      className={`tile${busy ? ' moving' : ''}`}
      draggable
      aria-label={name}
      data-partnership={p.id}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', p.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Link href={`/partnerships/${p.id}`} className="tile-name">
        {name}
      </Link>
      {handle ? <div className="muted small">@{handle}</div> : null}
      <div className="small">
        {fee ? formatMoney(fee.amount, fee.currency) : null}
        {p.terms.longTerm ? `${fee ? ' · ' : ''}${p.terms.longTerm.months}-month deal` : null}
      </div>
      {overdue || gifted ? (
        <div className="flags">
          {overdue ? <Badge tone="bad">⚠ Overdue</Badge> : null}
          {gifted ? <Badge tone="warn">🎁 Gifted, not posted</Badge> : null}
        </div>
      ) : null}
      <div className="move-row">
        <label htmlFor={selectId}>
          Move to stage<span className="sr-only"> for {name}</span>
        </label>
        <select ref={selectRef} id={selectId} value={target} disabled={busy} onChange={(e) => setTarget(e.target.value)}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="button" className="small secondary" disabled={busy || target === stage} aria-label={`Move ${name} to ${STAGE_LABELS[target]}`} onClick={() => onMove(target)}>
          Move
        </button>
      </div>
    </article>
  );
}
