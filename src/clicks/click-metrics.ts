import { Gauge, type Registry } from 'prom-client';
import type { ClickWriter } from './click-writer.ts';
import type { ClickStream } from './start-click-stream.ts';

/**
 * Click-path gauges on /metrics, read when scraped: clicks written by this process, clicks
 * waiting in its spool, and with NATS_URL the stream's published / fallback / ingested /
 * duplicate counts (monotonic within a process; they restart at 0 with it).
 */
export function registerClickMetrics(registry: Registry, writer: ClickWriter, stream: ClickStream | null): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
  gauge('advocate_clicks_written', 'Clicks this process wrote to the database directly', () => writer.written);
  gauge('advocate_clicks_spooled', 'Clicks waiting in the local spool for the database', () => writer.spooled);
  if (!stream) return;
  gauge('advocate_click_stream_published', 'Clicks published to the NATS stream (acknowledged)', () => stream.sink.published);
  gauge('advocate_click_stream_fallbacks', 'Clicks that took the database path because NATS did not answer', () => stream.sink.fallbacks);
  gauge('advocate_click_stream_ingested', 'Clicks this process moved from the stream into the database', () => stream.ingester.ingested);
  gauge('advocate_click_stream_duplicates', 'Stream messages whose click was already stored (redeliveries)', () => stream.ingester.duplicates);
}
