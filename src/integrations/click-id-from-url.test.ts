import { describe, expect, it } from 'vitest';
import { cleanClickId, clickIdFromUrl } from './click-id-from-url.ts';

describe('clickIdFromUrl', () => {
  it.each([
    ['/products/shoe?utm_source=ig&adv_click=6kq3xV0lQ1mZ2b7cT9pR-w', '6kq3xV0lQ1mZ2b7cT9pR-w'],
    ['https://shop.example/?adv_click=abc#top', 'abc'],
    ['?adv_click=abc', 'abc'],
    ['/p?adv_click=%61bc', 'abc'],
    ['http://www.example.com?source=abc', null],
    ['/p?adv_click=', null],
    ['/p?adv_click=<script>', null],
    ['', null],
  ])('%s → %s', (url, expected) => {
    expect(clickIdFromUrl(url)).toBe(expected);
  });

  it('reads a workspace-specific parameter and ignores non-strings', () => {
    expect(clickIdFromUrl('/?ref=r1&adv_click=a1', 'ref')).toBe('r1');
    expect(clickIdFromUrl(null)).toBeNull();
    expect(clickIdFromUrl(42)).toBeNull();
  });
});

describe('cleanClickId', () => {
  it('trims, and refuses over-long or unsafe values', () => {
    expect(cleanClickId(' abc ')).toBe('abc');
    expect(cleanClickId('a'.repeat(101))).toBeNull();
    expect(cleanClickId('a b')).toBeNull();
    expect(cleanClickId(123)).toBeNull();
  });
});
