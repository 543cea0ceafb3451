import { z } from 'zod';
import type { ClickEvent } from './click-event.ts';

// PostgreSQL refuses NUL in text: such a message could never be written, only redelivered forever.
const text = z.string().max(2000).refine((v) => !v.includes('\u0000'), 'text must not contain NUL');
// The redirect writes "now"; a replay is at most days old. Far dates would also break the
// uniqueness arithmetic (Date overflow) and make month partitions for nothing.
const DAY_MS = 86_400_000;
const MAX_SKEW_MS = 400 * DAY_MS;
const ClickEventJson = z.strictObject({
  id: z.string().regex(/^clk_[0-9A-Za-z_-]{1,64}$/),
  workspaceId: text,
  linkId: text,
  influencerId: text,
  campaignId: text,
  clickedAt: z.iso
    .datetime({ offset: true })
    .refine((v) => Math.abs(Date.parse(v) - Date.now()) <= MAX_SKEW_MS, 'clickedAt must be within 400 days of now'),
  ipHash: text.nullable(),
  visitorKey: text,
  uniqueWindowMs: z.number().int().min(0).max(90 * DAY_MS), // workspace settings allow at most 90 days
  country: text.nullable(),
  device: text,
  os: text.nullable(),
  browser: text.nullable(),
  inApp: text.nullable(),
  source: text,
  referrerHost: text.nullable(),
  bot: z.boolean(),
  botReason: text.nullable(),
});

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A click as the bytes of a stream message: JSON with `clickedAt` as an ISO string. Decoding
 * validates the payload (a stream is a boundary: anything may publish on its subjects) and gives
 * back the same millisecond `clickedAt`, so a redelivered click is the same row, never a new one.
 * @example clickEventCodec.decode(clickEventCodec.encode(event)) // deep-equals event
 */
export const clickEventCodec = {
  encode(event: ClickEvent): Uint8Array {
    return encoder.encode(JSON.stringify(event));
  },
  /** @throws on anything that is not a click this codec encoded */
  decode(data: Uint8Array): ClickEvent {
    const json = ClickEventJson.parse(JSON.parse(decoder.decode(data)));
    return { ...json, clickedAt: new Date(json.clickedAt) };
  },
};
