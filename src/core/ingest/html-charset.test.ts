import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from './html';
import { sniffHtmlCharset } from './html-charset';

const ENCODED = new URL('../../../tests/fixtures/encodings/', import.meta.url);
const encoded = (name: string) => new Uint8Array(readFileSync(new URL(name, ENCODED)));
const ascii = (s: string) => new TextEncoder().encode(s);
/** A head this long pushes whatever follows past the first kilobytes. */
const BULK = `<script>${'var slot = { size: [300, 250] };\n'.repeat(150)}</script>`;

describe('sniffHtmlCharset', () => {
  it('finds a declaration in the first bytes, as the WHATWG prescan does', () => {
    expect(sniffHtmlCharset(ascii('<meta charset="shift_jis"><p>x'))).toBe('shift_jis');
    expect(
      sniffHtmlCharset(
        ascii('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">'),
      ),
    ).toBe('gbk');
    expect(
      sniffHtmlCharset(
        ascii('<meta content=\'text/html;charset="big5"\' http-equiv=content-type>'),
      ),
    ).toBe('big5');
  });

  it('honours a declaration kilobytes down the head, after scripts and styles', () => {
    const html = `<html><head>${BULK}<style>p{}</style><meta charset="windows-1251"></head>`;
    expect(html.indexOf('charset')).toBeGreaterThan(4096);
    expect(sniffHtmlCharset(ascii(html))).toBe('windows-1251');
  });

  it('stops at the body once past the first kilobyte, as browsers do', () => {
    const html = `<html><head>${BULK}</head><body><p>text</p><meta charset="koi8-r">`;
    expect(sniffHtmlCharset(ascii(html))).toBeNull();
    // Within the first kilobyte, the prescan reads any tag.
    expect(sniffHtmlCharset(ascii('<body><p>x</p><meta charset="koi8-r">'))).toBe('koi8-r');
  });

  it('skips comments and what scripts would write', () => {
    expect(
      sniffHtmlCharset(
        ascii(
          `<head>${BULK}<!-- <meta charset="big5"> --><script>document.write('<meta charset="utf-8">')</script><meta charset="euc-kr">`,
        ),
      ),
    ).toBe('euc-kr');
    expect(sniffHtmlCharset(ascii('<!--><meta charset="euc-jp">'))).toBe('euc-jp');
  });

  it('needs Content-Type for a content attribute, and ignores unknown labels', () => {
    expect(sniffHtmlCharset(ascii('<meta content="charset=big5">'))).toBeNull();
    expect(sniffHtmlCharset(ascii('<meta charset="utf8mb4"><meta charset="big5">'))).toBe('big5');
  });

  it('reads UTF-16 and x-user-defined declarations the way browsers do', () => {
    expect(sniffHtmlCharset(ascii('<meta charset="utf-16">'))).toBe('utf-8');
    expect(sniffHtmlCharset(ascii('<meta charset="x-user-defined">'))).toBe('windows-1252');
  });

  it('keeps a ">" inside a quoted attribute within the tag', () => {
    expect(sniffHtmlCharset(ascii('<link title="a > b"><meta charset="iso-8859-2">'))).toBe(
      'iso-8859-2',
    );
  });
});

describe('parseHtmlFile: pages that declare their charset late', () => {
  it('reads a GBK portal page whose declaration follows 7 KB of script and style', async () => {
    const bytes = encoded('late-charset-gbk.gbk.html');
    const at = new TextDecoder('windows-1252').decode(bytes).indexOf('charset=gb2312');
    expect(at).toBeGreaterThan(4096);
    const result = await parseHtmlFile(bytes, 'news.html');
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.doc.title).toMatch(/^瓦尔多利亚政府承诺打击人口贩卖/);
    expect(result.doc.text).toContain('政府将在今年年底前在每个省开设受害者庇护所');
    expect(result.doc.readAs).toEqual({ encoding: 'gbk', how: 'declared' });
  });

  it('reads a Shift_JIS page whose <meta charset> follows 3 KB of links', async () => {
    const result = await parseHtmlFile(encoded('late-charset-shift_jis.shift_jis.html'), 'a.html');
    expect(result.status === 'ok' && result.doc.text).toContain(
      '人身取引は重大な犯罪であり、政府は加害者を必ず処罰する',
    );
    expect(result.status === 'ok' && result.doc.readAs).toEqual({
      encoding: 'shift_jis',
      how: 'declared',
    });
  });

  it('detects the encoding of a page that declares none', async () => {
    const page = new TextDecoder('windows-1252')
      .decode(encoded('late-charset-gbk.gbk.html'))
      .replace(/<meta http-equiv[^>]*>/i, '');
    const bytes = Uint8Array.from(page, (c) => {
      const code = c.charCodeAt(0);
      // Windows-1252 decoding moved 0x80-0x9F to other code points; put the bytes back.
      return code < 256 ? code : windows1252Byte(c);
    });
    const result = await parseHtmlFile(bytes, 'undeclared.html');
    expect(result.status === 'ok' && result.doc.readAs).toEqual({
      encoding: 'gb18030',
      how: 'detected',
    });
    expect(result.status === 'ok' && result.doc.text).toContain('边境警察收受了走私者的贿赂');
  });

  it('reads a page as the chosen encoding', async () => {
    const result = await parseHtmlFile(encoded('late-charset-gbk.gbk.html'), 'a.html', 'big5');
    expect(result.status === 'ok' && result.doc.readAs).toEqual({
      encoding: 'big5',
      how: 'chosen',
    });
    expect(result.status === 'ok' && result.doc.text).not.toContain('庇护所');
  });
});

function windows1252Byte(char: string): number {
  for (let byte = 0x80; byte < 0xa0; byte += 1) {
    if (new TextDecoder('windows-1252').decode(Uint8Array.of(byte)) === char) return byte;
  }
  throw new Error(`not a Windows-1252 character: ${char}`);
}
