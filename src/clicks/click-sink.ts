import type { ClickEvent } from './click-event.ts';

/**
 * Where the redirect hands a click: `record` resolves only once the click is durable (committed,
 * spooled, or acknowledged by a replicated stream), so a 302 is never sent for a click that could
 * still be lost. Both ClickWriter and NatsClickSink satisfy it.
 */
export type ClickSink = { record(event: ClickEvent): Promise<void> };
