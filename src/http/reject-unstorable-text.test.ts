import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './reject-unstorable-text.ts';

describe('findUnstorableText', () => {
  it('finds NUL and unpaired surrogates anywhere, with their path', () => {
    expect(findUnstorableText({ a: 'ok', b: ['x', 'a\u0000b'] }, 'body')).toBe('body.b.1');
    expect(findUnstorableText({ reason: '\uD800' }, 'body')).toBe('body.reason');
    expect(findUnstorableText('x\uDFFFy', 'params.id')).toBe('params.id');
    expect(findUnstorableText({ deep: { deeper: { s: 'tail\uD83D' } } }, 'body')).toBe('body.deep.deeper.s');
  });

  it('lets paired surrogates (emoji), RTL marks, script and SQL text through', () => {
    expect(findUnstorableText({ name: '👩‍👩‍👧‍👦🔥', rtl: '\u202Eevil', html: '<script>alert(1)</script>', sql: "'; drop table links; --" }, 'body')).toBeNull();
    expect(findUnstorableText(Buffer.from([0, 0xd8, 0]), 'body')).toBeNull(); // raw webhook bytes are checked by their signature
    expect(findUnstorableText(undefined, 'querystring')).toBeNull();
  });
});
