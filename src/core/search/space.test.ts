import { describe, expect, it } from 'vitest';
import { isSpaceCode } from './space';

describe('white space by character code', () => {
  it('is what \\s matches, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c += 1) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== /\s/u.test(ch) || isSpaceCode(c) !== /\s/.test(ch)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(isSpaceCode(' '.charCodeAt(0))).toBe(true);
    expect(isSpaceCode('\u3000'.charCodeAt(0))).toBe(true);
    expect(isSpaceCode('a'.charCodeAt(0))).toBe(false);
  });
});
