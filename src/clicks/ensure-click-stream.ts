import { AckPolicy, DeliverPolicy, DiscardPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

/** The one durable pull consumer every server process shares, so the stream's work is spread. */
export const CLICK_CONSUMER = 'click-writers';
// Publish retries within this window are dropped by the stream (message id = click id).
const DUPLICATE_WINDOW_MS = 2 * 60_000;
// Longer than any healthy batch commit; a message held by a dead process comes back after this.
const ACK_WAIT_MS = 30_000;
// Bounds what all processes together hold unacknowledged (each prefetches up to 1,000).
const MAX_ACK_PENDING = 20_000;
// A backlog of ~4M clicks (hours of a database outage). When full, publishes fail and the redirect
// falls back to the database/spool instead of the stream silently dropping old clicks.
const MAX_BYTES = 2 * 1024 ** 3;

/** `advocate_clicks.clicks.<workspaceId>`: one subject per workspace, under the stream's prefix. */
export const clickSubject = (stream: string, workspaceId: string): string => `${stream.toLowerCase()}.clicks.${workspaceId}`;

/**
 * Creates the click stream and its shared consumer, or brings an existing pair to this
 * configuration (every process does it at start; the calls are idempotent and race-safe).
 *
 * WorkQueue retention: the stream is a durable buffer in front of PostgreSQL, not a log: a click
 * leaves the stream when a writer acknowledges its commit, so disk holds only the backlog, and
 * nothing expires unwritten (Limits with max_age would drop clicks during a long outage). A second
 * reader (e.g. ClickHouse) would need Interest retention and its own consumer.
 * @example await ensureClickStream(jsm, { stream: 'ADVOCATE_CLICKS', replicas: 3 })
 */
export async function ensureClickStream(jsm: JetStreamManager, opts: { stream: string; replicas: number }): Promise<void> {
  const filter = clickSubject(opts.stream, '>');
  const stream = {
    name: opts.stream,
    subjects: [filter],
    storage: StorageType.File,
    retention: RetentionPolicy.Workqueue,
    discard: DiscardPolicy.New,
    max_bytes: MAX_BYTES,
    num_replicas: opts.replicas,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  if (await exists(() => jsm.streams.info(opts.stream))) await jsm.streams.update(opts.stream, stream);
  else await jsm.streams.add(stream).catch(async () => jsm.streams.update(opts.stream, stream)); // another process won the race

  const consumer = {
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(ACK_WAIT_MS),
    max_ack_pending: MAX_ACK_PENDING,
    max_deliver: -1, // a click is retried until the database takes it, never dropped
    filter_subject: filter,
  };
  if (await exists(() => jsm.consumers.info(opts.stream, CLICK_CONSUMER))) await jsm.consumers.update(opts.stream, CLICK_CONSUMER, consumer);
  else {
    const create = { ...consumer, durable_name: CLICK_CONSUMER, deliver_policy: DeliverPolicy.All };
    await jsm.consumers.add(opts.stream, create).catch(async () => jsm.consumers.update(opts.stream, CLICK_CONSUMER, consumer));
  }
}

async function exists(info: () => Promise<unknown>): Promise<boolean> {
  try {
    await info();
    return true;
  } catch (err) {
    const notFound: number[] = [JetStreamApiCodes.StreamNotFound, JetStreamApiCodes.ConsumerNotFound];
    if (err instanceof JetStreamApiError && notFound.includes(err.code)) return false;
    throw err;
  }
}
