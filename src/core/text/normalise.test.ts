import { describe, it, expect } from 'vitest';
import { collapsedView, collapseWhitespace, normaliseText } from './normalise';

describe('normaliseText', () => {
  it('strips a BOM, unifies line ends and composes to NFC', () => {
    const decomposed = 'Cafe\u0301 society';
    const input = `\uFEFFTitle\r\nFirst line\rSecond line\n${decomposed}`;
    expect(normaliseText(input)).toBe('Title\nFirst line\nSecond line\nCafé society');
    expect(normaliseText(decomposed)).toHaveLength(decomposed.length - 1);
  });

  it('keeps a BOM that is not at the start and leaves other whitespace alone', () => {
    expect(normaliseText('a\uFEFFb\t c')).toBe('a\uFEFFb\t c');
  });
});

describe('collapseWhitespace', () => {
  it('turns runs of spaces, tabs, newlines and NBSP into one space and trims', () => {
    expect(collapseWhitespace('  Officials who\n  collude\twith\u00a0 traffickers \n\n')).toBe(
      'Officials who collude with traffickers',
    );
    expect(collapseWhitespace(' \n\t ')).toBe('');
  });
});

describe('collapsedView', () => {
  it('maps every collapsed character back to the original', () => {
    const original = ' A uniform\n\nis  not\ta shield. ';
    const view = collapsedView(original);
    expect(view.text).toBe(' A uniform is not a shield. ');
    expect(view.toOriginal).toHaveLength(view.text.length);
    for (let i = 0; i < view.text.length; i += 1) {
      const from = original.charAt(view.toOriginal[i] ?? -1);
      expect(view.text.charAt(i) === ' ' ? /\s/.test(from) : from === view.text.charAt(i)).toBe(
        true,
      );
    }
    expect(view.text.trim()).toBe(collapseWhitespace(original));
  });
});
