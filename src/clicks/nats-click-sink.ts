import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { FastifyBaseLogger } from 'fastify';
import type { ClickEvent } from './click-event.ts';
import { clickEventCodec } from './click-event-codec.ts';
import type { ClickSink } from './click-sink.ts';
import { clickSubject } from './ensure-click-stream.ts';

// A redirect waits at most this long for the stream before its click takes the database path.
const PUBLISH_TIMEOUT_MS = 2000;
// After a failed publish, skip the stream for a moment instead of making every redirect wait.
const BREAKER_MS = 1000;

/**
 * Publishes each click to the JetStream click stream and resolves on the PubAck, i.e. once the
 * click is stored (on a quorum of replicas), so the redirect stops waiting on PostgreSQL commits.
 * The message id is the click id: the stream drops a retried publish, and the ingester's
 * idempotent write drops any copy that still gets through. When NATS is disconnected, slow or
 * refuses, the click goes to `fallback` (the ClickWriter: database, else local spool) — a click
 * may then reach the database by both paths, which stores it once.
 */
export class NatsClickSink implements ClickSink {
  published = 0;
  fallbacks = 0;
  #connected = true;
  #skipUntil = 0;
  #outage = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly fallback: ClickSink,
    private readonly log: FastifyBaseLogger,
  ) {
    void this.#watchConnection();
  }

  async record(event: ClickEvent): Promise<void> {
    if (!this.#connected || Date.now() < this.#skipUntil) return this.#fallBack(event);
    try {
      await this.js.publish(clickSubject(this.stream, event.workspaceId), clickEventCodec.encode(event), { msgID: event.id, timeout: PUBLISH_TIMEOUT_MS });
      this.published++;
      if (this.#outage) {
        this.#outage = false;
        this.log.info({ fallbacks: this.fallbacks }, 'click stream publishing again');
      }
    } catch (err) {
      this.#skipUntil = Date.now() + BREAKER_MS;
      this.#warnOnce(err, 'click stream publish failed; clicks go to the database until it answers');
      return this.#fallBack(event);
    }
  }

  #fallBack(event: ClickEvent): Promise<void> {
    this.fallbacks++;
    return this.fallback.record(event);
  }

  #warnOnce(err: unknown, message: string): void {
    if (this.#outage) return;
    this.#outage = true;
    this.log.warn({ err }, message);
  }

  /** Disconnected: no redirect should wait out a publish timeout, so go straight to the fallback. */
  async #watchConnection(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') {
        this.#connected = false;
        this.#warnOnce(undefined, 'NATS connection lost; clicks go to the database until it is back');
      } else if (status.type === 'reconnect') {
        this.#connected = true;
      }
    }
  }
}
