import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../shared/context.ts';
import type { ClickEvent } from './click-event.ts';
import { clickEventCodec } from './click-event-codec.ts';
import { isConnectionError, isPoolTimeout } from '../shared/db-errors.ts';
import { writeClicks } from './write-clicks.ts';

const MAX_BATCH = 1000;
// At low traffic, wait this long after a batch's first message so one commit carries many clicks.
const LINGER_MS = 50;
// A batch the database refused comes back after this (to any process), and this one pauses as long.
const RETRY_DELAY_MS = 2000;

/**
 * Moves clicks from the stream's shared consumer into PostgreSQL: up to 1,000 messages (or what
 * arrived within 50 ms) become ONE writeClicks statement, and the messages are acknowledged only
 * after it committed. A failed write is nak'ed and redelivered; a process that dies holding
 * messages has them redelivered after the ack wait. Redelivery is safe because writeClicks skips
 * click ids already stored, so each click is in PostgreSQL exactly once.
 */
export class NatsClickIngester {
  /** Clicks newly stored by this process. */
  ingested = 0;
  /** Messages whose click was already stored (redeliveries, or clicks that also took the fallback). */
  duplicates = 0;
  #buffer: JsMsg[] = [];
  #firstAt = 0;
  #wake: (() => void) | undefined;
  /** The buffer length that ends the current wait early. */
  #wakeAt = Infinity;
  #stopping = false;
  #messages: ConsumerMessages | undefined;
  #loop: Promise<void> | undefined;
  #failing = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    // Callback mode: messages land in our buffer as they arrive; the loop below cuts batches.
    this.#messages = await this.consumer.consume({
      max_messages: MAX_BATCH,
      callback: (msg) => {
        if (this.#buffer.length === 0) this.#firstAt = Date.now();
        this.#buffer.push(msg);
        if (this.#buffer.length >= this.#wakeAt) this.#wake?.();
      },
    });
    this.#loop = this.#run();
  }

  /** Stops pulling, writes and acknowledges what already arrived, then resolves. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#messages?.close();
    this.#wake?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    for (;;) {
      if (this.#buffer.length === 0) {
        if (this.#stopping) return;
        await this.#wait(Infinity, 1);
        continue;
      }
      const linger = this.#firstAt + LINGER_MS - Date.now();
      if (linger > 0 && this.#buffer.length < MAX_BATCH && !this.#stopping) await this.#wait(linger, MAX_BATCH);
      const batch = this.#buffer.splice(0, MAX_BATCH);
      this.#firstAt = Date.now();
      await this.#write(batch);
    }
  }

  async #write(batch: JsMsg[]): Promise<void> {
    const events = new Map<string, ClickEvent>(); // a batch may hold two deliveries of one click
    const carried: JsMsg[] = [];
    for (const msg of batch) {
      try {
        const event = clickEventCodec.decode(msg.data);
        if (!events.has(event.id)) events.set(event.id, event);
        carried.push(msg);
      } catch (err) {
        this.log.error({ err, subject: msg.subject, seq: msg.seq }, 'not a click; dropped from the click stream');
        msg.term();
      }
    }
    try {
      const stored = await writeClicks(this.db, [...events.values()]);
      this.ingested += stored;
      this.duplicates += carried.length - stored;
      for (const msg of carried) msg.ack();
      if (this.#failing) {
        this.#failing = false;
        this.log.info('click stream ingest recovered');
      }
    } catch (err) {
      if (!isConnectionError(err) && !isPoolTimeout(err) && carried.length > 0) {
        // The database answered but refused the batch: one message may be unwritable. Write them
        // one by one so the good ones go in and the bad one stops coming back.
        await this.#writeOneByOne(carried);
        return;
      }
      // The rest of the buffer would fail the same way. Stopping: give the messages back at once so
      // another process takes them without waiting.
      for (const msg of [...carried, ...this.#buffer.splice(0)]) msg.nak(this.#stopping ? 0 : RETRY_DELAY_MS);
      if (!this.#failing) this.log.warn({ err, clicks: carried.length }, 'click stream ingest failed; the stream keeps the clicks and redelivers them');
      this.#failing = true;
      if (!this.#stopping) await this.#wait(RETRY_DELAY_MS, Infinity);
    }
  }

  async #writeOneByOne(messages: JsMsg[]): Promise<void> {
    for (const msg of messages) {
      let event: ClickEvent;
      try {
        event = clickEventCodec.decode(msg.data);
      } catch {
        msg.term();
        continue;
      }
      try {
        const stored = await writeClicks(this.db, [event]);
        this.ingested += stored;
        this.duplicates += 1 - stored;
        msg.ack();
      } catch (err) {
        if (isConnectionError(err) || isPoolTimeout(err)) {
          msg.nak(RETRY_DELAY_MS); // the database went away meanwhile: this one is fine, retry it
          continue;
        }
        this.log.error({ err, clickId: event.id, seq: msg.seq }, 'click refused by the database; dropped from the click stream');
        msg.term();
      }
    }
  }

  /** Resolves after `ms`, when the buffer reaches `wakeAt` messages, or on stop. */
  #wait(ms: number, wakeAt: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => this.#wake?.(), ms) : undefined;
      this.#wakeAt = wakeAt;
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        this.#wakeAt = Infinity;
        resolve();
      };
    });
  }
}
