import { describe, expect, it } from 'vitest';
import type { ClickEvent } from './click-event.ts';
import { clickEventCodec } from './click-event-codec.ts';

const click: ClickEvent = {
  id: 'clk_AbC-_123xyz',
  workspaceId: 'ws_0123456789abcdef',
  linkId: 'lnk_0123456789abcdef',
  influencerId: 'inf_0123456789abcdef',
  campaignId: 'cmp_0123456789abcdef',
  clickedAt: new Date(Date.now() - 3_600_789),
  ipHash: 'h1',
  visitorKey: 'v1',
  uniqueWindowMs: 86_400_000,
  country: 'DE',
  device: 'mobile',
  os: 'iOS',
  browser: null,
  inApp: 'instagram',
  source: 'instagram',
  referrerHost: null,
  bot: false,
  botReason: null,
};

describe('clickEventCodec', () => {
  it('gives back the same click, to the millisecond, after a round trip', () => {
    const back = clickEventCodec.decode(clickEventCodec.encode(click));
    expect(back).toEqual(click);
    expect(back.clickedAt.getTime()).toBe(click.clickedAt.getTime());
  });

  it('refuses payloads that are not clicks', () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(() => clickEventCodec.decode(new TextEncoder().encode('not json'))).toThrow();
    expect(() => clickEventCodec.decode(bytes({ ...click, id: 'cnv_1' }))).toThrow();
    expect(() => clickEventCodec.decode(bytes({ ...click, clickedAt: 'yesterday' }))).toThrow();
    expect(() => clickEventCodec.decode(bytes({ ...click, extra: 1 }))).toThrow();
    // Values PostgreSQL or the uniqueness arithmetic would refuse on every redelivery.
    expect(() => clickEventCodec.decode(bytes({ ...click, source: 'in\u0000stagram' }))).toThrow(/NUL/);
    expect(() => clickEventCodec.decode(bytes({ ...click, clickedAt: '0050-01-01T00:00:00Z' }))).toThrow(/within 400 days/);
    expect(() => clickEventCodec.decode(bytes({ ...click, uniqueWindowMs: 8.7e15 }))).toThrow();
    const { bot: _bot, ...missing } = click;
    expect(() => clickEventCodec.decode(bytes(missing))).toThrow();
  });
});
