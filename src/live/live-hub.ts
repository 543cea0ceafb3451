import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../shared/context.ts';
import { todayTotals, type TodayTotals } from './today-totals.ts';

type Listener = (totals: TodayTotals) => void;

/**
 * Live counters for dashboards: one poller per watched workspace (not per open tab), reading the
 * rollups every interval and telling listeners only when something changed. Polling the database
 * (instead of an in-process event) makes clicks and sales taken by any process show up.
 */
export class LiveHub {
  private readonly watchers = new Map<string, { listeners: Set<Listener>; last: string | null; timer: NodeJS.Timeout; busy: boolean }>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 1000,
  ) {}

  /** Calls listener with the current totals now and on every change; returns the unsubscribe. */
  subscribe(workspaceId: string, listener: Listener): () => void {
    let w = this.watchers.get(workspaceId);
    if (!w) {
      const timer = setInterval(() => void this.poll(workspaceId), this.intervalMs);
      timer.unref();
      w = { listeners: new Set(), last: null, timer, busy: false };
      this.watchers.set(workspaceId, w);
    }
    w.listeners.add(listener);
    void todayTotals(this.db, workspaceId)
      .then((t) => listener(t))
      .catch((err: unknown) => this.log.warn({ err }, 'live totals failed'));
    return () => {
      const current = this.watchers.get(workspaceId);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0) {
        clearInterval(current.timer);
        this.watchers.delete(workspaceId);
      }
    };
  }

  close(): void {
    for (const w of this.watchers.values()) clearInterval(w.timer);
    this.watchers.clear();
  }

  private async poll(workspaceId: string): Promise<void> {
    const w = this.watchers.get(workspaceId);
    if (!w || w.busy) return;
    w.busy = true;
    try {
      const totals = await todayTotals(this.db, workspaceId);
      const key = JSON.stringify(totals);
      if (key !== w.last) {
        w.last = key;
        for (const l of w.listeners) l(totals);
      }
    } catch (err) {
      this.log.warn({ err }, 'live totals failed');
    } finally {
      w.busy = false;
    }
  }
}
