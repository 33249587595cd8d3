import { describe, expect, it } from 'vitest';
import { codePointIndex, toCodePoints, toUtf16 } from './code-points';

describe('codePointIndex', () => {
  it('is the identity for text inside the Basic Multilingual Plane', () => {
    const map = codePointIndex('Valdoria, café\r\nnext');
    expect(map.length).toBe(20);
    expect(map.toCodePoints(7)).toBe(7);
    expect(map.toUtf16(19)).toBe(19);
    expect(map.toUtf16(99)).toBe(20);
  });

  it('counts an emoji or astral ideograph as one code point', () => {
    const text = 'a😀b𠀀c🇻🇩d';
    const map = codePointIndex(text);
    expect(map.length).toBe([...text].length);
    for (let cp = 0; cp <= map.length; cp += 1) {
      const utf16 = map.toUtf16(cp);
      expect([...text.slice(0, utf16)].length).toBe(cp);
      expect(map.toCodePoints(utf16)).toBe(cp);
    }
    expect(text.slice(map.toUtf16(3), map.toUtf16(4))).toBe('𠀀');
  });

  it('puts an offset between the halves of a pair after its character', () => {
    const map = codePointIndex('x😀y');
    expect(map.toCodePoints(2)).toBe(2);
  });

  it('agrees with a plain walk over a long mixed text', () => {
    const text = 'Pledge 🙂 kept? 𝔗𝔥𝔢 report\n'.repeat(500);
    const map = codePointIndex(text);
    let cp = 0;
    for (let i = 0; i <= text.length;) {
      expect(map.toCodePoints(i)).toBe(cp);
      expect(map.toUtf16(cp)).toBe(i);
      const step = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      i += step;
      cp += 1;
    }
  });
});

/** The definition itself, slow but obviously right. */
const reference = (text: string, utf16: number) => Array.from(text.slice(0, utf16)).length;

describe('code-point offsets', () => {
  const text = 'Tarsk 😀 port: 𝔘𝔫𝔦𝔱 𠜎 👩‍👩‍👧 ok\n🇻🇩 end';

  it('agree with counting code points, at every UTF-16 offset', () => {
    const index = codePointIndex(text);
    for (let i = 0; i <= text.length; i += 1) {
      expect(index.toCodePoints(i)).toBe(reference(text, i));
    }
    expect(index.length).toBe(Array.from(text).length);
  });

  it('come back to the same UTF-16 offset at every code-point boundary', () => {
    const index = codePointIndex(text);
    let utf16 = 0;
    Array.from(text).forEach((char, cp) => {
      expect(index.toUtf16(cp)).toBe(utf16);
      expect(index.toCodePoints(utf16)).toBe(cp);
      utf16 += char.length;
    });
    expect(index.toUtf16(index.length)).toBe(text.length);
  });

  it('cut the same words out of the text in either count', () => {
    const quote = '𝔘𝔫𝔦𝔱 𠜎 👩‍👩‍👧';
    const start = text.indexOf(quote);
    const cpStart = toCodePoints(text, start);
    const cpEnd = toCodePoints(text, start + quote.length);
    expect(cpEnd - cpStart).toBe(Array.from(quote).length);
    expect(Array.from(text).slice(cpStart, cpEnd).join('')).toBe(quote);
    expect(text.slice(toUtf16(text, cpStart), toUtf16(text, cpEnd))).toBe(quote);
  });

  it('are the identity for text without astral characters, and clamp to the text', () => {
    const plain = 'Officials who collude — “will be punished”.';
    expect(toCodePoints(plain, 12)).toBe(12);
    expect(toUtf16(plain, 12)).toBe(12);
    expect(toCodePoints(text, -5)).toBe(0);
    expect(toUtf16(text, 10_000)).toBe(text.length);
    expect(toCodePoints(text, 10_000)).toBe(Array.from(text).length);
  });

  it('count a lone surrogate as one code point', () => {
    const broken = 'a\uD83Db\uDE00c😀';
    for (let i = 0; i <= broken.length; i += 1) {
      expect(toCodePoints(broken, i)).toBe(reference(broken, i));
    }
  });
});
