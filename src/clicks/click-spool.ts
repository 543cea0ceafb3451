import { closeSync, fdatasyncSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ClickEvent } from './click-event.ts';
import { isProcessAlive } from '../shared/process-alive.ts';

/**
 * An append-only local file of clicks that could not be written to the database. Each append is
 * fdatasync'ed before it returns, so a redirect answered after spooling survives a crash; replay
 * is idempotent because click ids are primary keys.
 */
export class ClickSpool {
  readonly dir: string;
  #fd: number | undefined;
  #file: string | undefined;
  #pending = 0;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** Clicks appended and not yet replayed by this process (a gauge for metrics and tests). */
  get pending(): number {
    return this.#pending;
  }

  append(events: ClickEvent[]): void {
    if (this.#fd === undefined) {
      this.#file = path.join(this.dir, `clicks-${process.pid}-${Date.now()}.jsonl`);
      this.#fd = openSync(this.#file, 'a', 0o600);
    }
    writeSync(this.#fd, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    fdatasyncSync(this.#fd);
    this.#pending += events.length;
  }

  /** Files ready to replay: this process's closed files and files left by processes now gone. */
  #replayable(): string[] {
    this.#rotate();
    return readdirSync(this.dir)
      .filter((f) => /^clicks-\d+-\d+\.jsonl$/.test(f))
      .filter((f) => {
        const pid = Number(f.split('-')[1]);
        return pid === process.pid || !isProcessAlive(pid);
      })
      .sort()
      .map((f) => path.join(this.dir, f));
  }

  #rotate(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    this.#file = undefined;
  }

  /**
   * Writes every spooled click through `write` (in chunks) and deletes each file once it is in.
   * Stops at the first failure, leaving the rest for the next attempt.
   * @returns how many clicks were replayed
   */
  async replay(write: (events: ClickEvent[]) => Promise<unknown>, chunk = 1000): Promise<number> {
    let done = 0;
    for (const file of this.#replayable()) {
      const events = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const e = JSON.parse(line) as ClickEvent & { clickedAt: string };
          return { ...e, clickedAt: new Date(e.clickedAt) };
        });
      for (let i = 0; i < events.length; i += chunk) await write(events.slice(i, i + chunk));
      unlinkSync(file);
      done += events.length;
    }
    this.#pending = Math.max(0, this.#pending - done);
    return done;
  }

  close(): void {
    this.#rotate();
  }
}

