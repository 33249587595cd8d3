import { describe, expect, it } from 'vitest';
import { codePointMap } from './code-points';

describe('codePointMap', () => {
  it('is the identity for text inside the Basic Multilingual Plane', () => {
    const map = codePointMap('Valdoria, café\r\nnext');
    expect(map.length).toBe(20);
    expect(map.toCodePoint(7)).toBe(7);
    expect(map.toUtf16(19)).toBe(19);
    expect(map.toUtf16(99)).toBe(20);
  });

  it('counts an emoji or astral ideograph as one code point', () => {
    const text = 'a😀b𠀀c🇻🇩d';
    const map = codePointMap(text);
    expect(map.length).toBe([...text].length);
    for (let cp = 0; cp <= map.length; cp += 1) {
      const utf16 = map.toUtf16(cp);
      expect([...text.slice(0, utf16)].length).toBe(cp);
      expect(map.toCodePoint(utf16)).toBe(cp);
    }
    expect(text.slice(map.toUtf16(3), map.toUtf16(4))).toBe('𠀀');
  });

  it('puts an offset between the halves of a pair after its character', () => {
    const map = codePointMap('x😀y');
    expect(map.toCodePoint(2)).toBe(2);
  });

  it('agrees with a plain walk over a long mixed text', () => {
    const text = 'Pledge 🙂 kept? 𝔗𝔥𝔢 report\n'.repeat(500);
    const map = codePointMap(text);
    let cp = 0;
    for (let i = 0; i <= text.length;) {
      expect(map.toCodePoint(i)).toBe(cp);
      expect(map.toUtf16(cp)).toBe(i);
      const step = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      i += step;
      cp += 1;
    }
  });
});
