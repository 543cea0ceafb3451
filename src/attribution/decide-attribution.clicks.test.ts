import { describe, expect, it } from 'vitest';
import { AT, DAY, SEC, before, click, conversion, decide, settings, signalOf, verdict } from './test-fixtures.ts';

describe('decideAttribution: clicks', () => {
  it('attributes to the creator of the click the click id resolved to', () => {
    const d = decide({ conversion: conversion({ clickIdGiven: 'clk_a' }), clickFromId: click('a', 3 * DAY) });
    expect(d).toMatchObject({ influencerId: 'inf_bob', campaignId: 'cmp_1', linkId: 'lnk_a', clickId: 'clk_a', couponCode: null, method: 'click', model: 'last_click' });
    expect(d.signals).toEqual([
      { kind: 'click', ref: 'clk_a', influencerId: 'inf_bob', status: 'used', detail: 'came 3 days before the conversion, inside the 30-day window' },
    ]);
    expect(d.reasons).toEqual([
      'Click clk_a (link lnk_a, creator inf_bob, campaign cmp_1) came 3 days before the conversion, inside the 30-day window.',
      'Click clk_a from 3 days earlier (link lnk_a, campaign cmp_1) attributes the conversion to inf_bob: it is the only click inside the 30-day window.',
    ]);
  });

  it('last click: the latest valid click wins and the others are overridden', () => {
    const d = decide({
      clickFromId: click('a', 5 * DAY),
      visitorClicks: [click('c', 1 * DAY, { influencerId: 'inf_cat', campaignId: 'cmp_2' }), click('b', 3 * DAY)],
    });
    expect(d).toMatchObject({ influencerId: 'inf_cat', campaignId: 'cmp_2', clickId: 'clk_c', linkId: 'lnk_c', method: 'click' });
    expect(signalOf(d, 'clk_a')).toMatchObject({ status: 'overridden', detail: 'came 5 days before the conversion, inside the 30-day window, but click clk_c won as the later click (last-click model)' });
    expect(signalOf(d, 'clk_b').status).toBe('overridden');
    expect(d.signals.map((s) => s.ref)).toEqual(['clk_a', 'clk_b', 'clk_c']);
    expect(verdict(d)).toBe(
      'Click clk_c from 24 hours earlier (link lnk_c, campaign cmp_2) attributes the conversion to inf_cat: it is the latest of 3 clicks inside the 30-day window (last-click model).',
    );
  });

  it('first click: the earliest valid click wins', () => {
    const d = decide({
      settings: settings({ model: 'first_click' }),
      clickFromId: click('a', 1 * DAY),
      visitorClicks: [click('b', 20 * DAY, { influencerId: 'inf_cat' }), click('old', 31 * DAY, { influencerId: 'inf_dan' })],
    });
    expect(d).toMatchObject({ influencerId: 'inf_cat', clickId: 'clk_b', model: 'first_click', method: 'click' });
    expect(signalOf(d, 'clk_a').detail).toContain('but click clk_b won as the earlier click (first-click model)');
    expect(signalOf(d, 'clk_old').status).toBe('outside_window');
    expect(verdict(d)).toContain('it is the earliest of 2 clicks inside the 30-day window (first-click model)');
  });

  it('the window is inclusive: a click exactly windowDays old counts, one millisecond older does not', () => {
    const edge = decide({ clickFromId: click('a', 30 * DAY) });
    expect(edge).toMatchObject({ method: 'click', clickId: 'clk_a' });
    const past = decide({ clickFromId: click('a', 30 * DAY + 1) });
    expect(past).toMatchObject({ method: null, influencerId: null, clickId: null });
    expect(signalOf(past, 'clk_a')).toMatchObject({ status: 'outside_window', detail: 'came 30 days before the conversion, outside the 30-day window' });
    expect(verdict(past)).toBe('None of these signals can attribute the conversion, so it stays unattributed.');
  });

  it('uses the configured window', () => {
    const s = settings({ windowDays: 7 });
    expect(decide({ settings: s, clickFromId: click('a', 7 * DAY) }).method).toBe('click');
    const d = decide({ settings: s, clickFromId: click('a', 8 * DAY) });
    expect(signalOf(d, 'clk_a').detail).toBe('came 8 days before the conversion, outside the 7-day window');
  });

  it('a click at the very moment of the conversion counts; a click after it is ignored', () => {
    expect(decide({ clickFromId: click('a', 0) }).method).toBe('click');
    const d = decide({ clickFromId: click('late', -2 * 3600 * SEC), visitorClicks: [click('a', DAY)] });
    expect(d).toMatchObject({ method: 'click', clickId: 'clk_a' });
    expect(signalOf(d, 'clk_late')).toMatchObject({ status: 'ignored', detail: 'came 2 hours after the conversion, so it cannot have led to it' });
    expect(decide({ clickFromId: click('late', -1) }).method).toBeNull();
  });

  it('bot clicks never attribute, even when they are the latest', () => {
    const d = decide({ visitorClicks: [click('human', 2 * DAY), click('bot', 60 * SEC, { influencerId: 'inf_cat', bot: true })] });
    expect(d).toMatchObject({ clickId: 'clk_human', influencerId: 'inf_bob' });
    expect(signalOf(d, 'clk_bot')).toMatchObject({ status: 'bot', detail: 'was made by a bot; bot clicks never attribute' });
    const only = decide({ clickFromId: click('bot', DAY, { bot: true }) });
    expect(only.method).toBeNull();
    expect(only.reasons[0]).toBe('Click clk_bot (link lnk_bot, creator inf_bob, campaign cmp_1) was made by a bot; bot clicks never attribute.');
  });

  it('a bot click outside the window is reported as a bot', () => {
    expect(decide({ clickFromId: click('bot', 90 * DAY, { bot: true }) }).signals[0]!.status).toBe('bot');
  });

  it('a click id that resolves to nothing is an unknown signal; history clicks still attribute', () => {
    const d = decide({ conversion: conversion({ clickIdGiven: 'clk_forged' }), visitorClicks: [click('a', DAY)] });
    expect(d).toMatchObject({ method: 'click', clickId: 'clk_a' });
    expect(signalOf(d, 'clk_forged')).toEqual({ kind: 'click', ref: 'clk_forged', influencerId: null, status: 'unknown', detail: 'matches no known click' });
    expect(d.reasons[0]).toBe('Click id clk_forged was given but matches no known click.');
    const alone = decide({ conversion: conversion({ clickIdGiven: 'clk_forged' }) });
    expect(alone.method).toBeNull();
    expect(verdict(alone)).toBe('None of these signals can attribute the conversion, so it stays unattributed.');
  });

  it('a given click id found only in the history is not unknown, and wins an exact-time tie', () => {
    const at = 2 * DAY;
    const d = decide({ conversion: conversion({ clickIdGiven: 'clk_a' }), visitorClicks: [click('z', at, { influencerId: 'inf_cat' }), click('a', at)] });
    expect(d.signals.some((s) => s.status === 'unknown')).toBe(false);
    expect(d.clickId).toBe('clk_a');
  });

  it('a click listed both by id and in the history is one signal', () => {
    const d = decide({ clickFromId: click('a', DAY), visitorClicks: [click('a', DAY), click('a', DAY)] });
    expect(d.signals).toHaveLength(1);
    expect(verdict(d)).toContain('it is the only click inside the 30-day window');
  });

  it('exact-time ties: the explicit click wins in both models, else the click id decides', () => {
    const tied = [click('b', DAY, { influencerId: 'inf_b' }), click('a', DAY, { influencerId: 'inf_a' }), click('c', DAY, { influencerId: 'inf_c' })];
    expect(decide({ visitorClicks: tied }).clickId).toBe('clk_c');
    expect(decide({ visitorClicks: tied, settings: settings({ model: 'first_click' }) }).clickId).toBe('clk_a');
    const explicit = click('b', DAY, { influencerId: 'inf_b' });
    expect(decide({ clickFromId: explicit, visitorClicks: tied }).clickId).toBe('clk_b');
    expect(decide({ clickFromId: explicit, visitorClicks: tied, settings: settings({ model: 'first_click' }) }).clickId).toBe('clk_b');
  });

  it('a click without a valid time is ignored', () => {
    const d = decide({ visitorClicks: [{ ...click('x', 0), clickedAt: new Date(Number.NaN) }] });
    expect(d.method).toBeNull();
    expect(d.signals[0]).toMatchObject({ status: 'ignored', detail: 'has no valid click time, so it was ignored' });
  });

  it('rejects a conversion without a valid time', () => {
    expect(() => decide({ conversion: conversion({ occurredAt: new Date('nope') }) })).toThrow(RangeError);
  });

  it('says so when nothing at all was given', () => {
    const d = decide();
    expect(d).toEqual({
      influencerId: null,
      campaignId: null,
      linkId: null,
      clickId: null,
      couponCode: null,
      method: null,
      model: 'last_click',
      signals: [],
      reasons: ['No click id, coupon code, visitor click or customer binding was given, so the conversion stays unattributed.'],
    });
  });

  it('summarises a long click history but keeps every signal', () => {
    const history = Array.from({ length: 12 }, (_, i) => click(String(i).padStart(2, '0'), (i + 1) * 4 * DAY, { bot: i === 11 }));
    const d = decide({ conversion: conversion({ clickIdGiven: 'clk_nope' }), visitorClicks: history });
    expect(d.signals).toHaveLength(13);
    expect(d.clickId).toBe('clk_00');
    expect(d.reasons).toEqual([
      'Click id clk_nope was given but matches no known click.',
      'Click clk_00 (link lnk_00, creator inf_bob, campaign cmp_1) came 4 days before the conversion, inside the 30-day window.',
      '11 other clicks were seen for this visitor: 1 by a bot, 4 outside the window, 6 overridden.',
      'Click clk_00 from 4 days earlier (link lnk_00, campaign cmp_1) attributes the conversion to inf_bob: it is the latest of 7 clicks inside the 30-day window (last-click model).',
    ]);
  });

  it('reads durations in natural units', () => {
    expect(signalOf(decide({ clickFromId: click('a', 45 * SEC) }), 'clk_a').detail).toMatch(/^came 45 seconds before/);
    expect(signalOf(decide({ clickFromId: click('a', 90 * SEC) }), 'clk_a').detail).toMatch(/^came 1 minute before/);
    expect(signalOf(decide({ clickFromId: click('a', 30 * 3600 * SEC) }), 'clk_a').detail).toMatch(/^came 30 hours before/);
    expect(before(0).getTime()).toBe(AT.getTime());
  });
});
