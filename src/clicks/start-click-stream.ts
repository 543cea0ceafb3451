import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { ClickSink } from './click-sink.ts';
import { CLICK_CONSUMER, ensureClickStream } from './ensure-click-stream.ts';
import { NatsClickIngester } from './nats-click-ingester.ts';
import { NatsClickSink } from './nats-click-sink.ts';

export type ClickStream = {
  /** What the redirect records clicks into. */
  sink: NatsClickSink;
  ingester: NatsClickIngester;
  /** Stops ingesting (the batch in flight is written and acknowledged), then drains the connection. */
  close(): Promise<void>;
};

type Deps = { config: Pick<Config, 'natsUrl' | 'natsStream' | 'natsReplicas'>; db: Db; fallback: ClickSink; log: FastifyBaseLogger };

/**
 * Connects to NATS (NATS_URL), sets up the click stream and its shared consumer, and starts this
 * process's ingester. Refuses to start when NATS cannot be reached: a server configured for the
 * stream that silently ran without it would hide the misconfiguration; once running, an outage
 * only sends clicks to the fallback.
 * @example const stream = await startClickStream({ config, db, fallback: writer, log })
 */
export async function startClickStream({ config, db, fallback, log }: Deps): Promise<ClickStream> {
  const url = config.natsUrl;
  if (!url) throw new AppError('PRECONDITION_FAILED', 'NATS_URL is not set');
  let nc: NatsConnection;
  try {
    // Reconnect forever: the fallback carries the clicks meanwhile, and the ingester resumes after.
    nc = await connect({ servers: url.split(','), name: `advocate-${process.pid}`, maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 5000 });
  } catch (err) {
    throw new AppError('PRECONDITION_FAILED', `Cannot reach NATS at ${url} (${(err as Error).message}): start nats-server with JetStream (-js), or unset NATS_URL to write clicks straight to the database`);
  }
  try {
    await ensureClickStream(await jetstreamManager(nc), { stream: config.natsStream, replicas: config.natsReplicas });
    const js = jetstream(nc);
    const ingester = new NatsClickIngester(await js.consumers.get(config.natsStream, CLICK_CONSUMER), db, log);
    await ingester.start();
    const sink = new NatsClickSink(nc, js, config.natsStream, fallback, log);
    return {
      sink,
      ingester,
      close: async () => {
        await ingester.stop();
        await nc.drain().catch(() => nc.close()); // flushes the last acknowledgements
        log.info({ published: sink.published, fallbacks: sink.fallbacks, ingested: ingester.ingested, duplicates: ingester.duplicates }, 'click stream closed');
      },
    };
  } catch (err) {
    await nc.close();
    throw new AppError('PRECONDITION_FAILED', `Setting up the NATS click stream ${config.natsStream} failed: ${(err as Error).message}`);
  }
}
