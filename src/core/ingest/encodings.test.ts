import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { chooseEncoding } from './detect-encoding';
import { encodingLabel, TEXT_ENCODINGS } from './encodings';
import { ingestFile } from './index';

/**
 * Legacy encodings on files iconv wrote (tests/fixtures/encodings/, made from the UTF-8
 * sources in scripts/fixtures/encodings/ by scripts/fixtures/make-encoding-fixtures.sh).
 */
const ENCODED = new URL('../../../tests/fixtures/encodings/', import.meta.url);
const SOURCES = new URL('../../../scripts/fixtures/encodings/', import.meta.url);

const encoded = (name: string) => new Uint8Array(readFileSync(new URL(name, ENCODED)));
const source = (name: string) => readFileSync(new URL(name, SOURCES), 'utf8');
const sourceBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, SOURCES)));

/** Each fixture, what it must be read as, and whether detection may call it sure. */
const EXPECTED: Record<string, { encoding: string; how: 'bom' | 'detected' | 'guessed' }> = {
  'ja-long.shift_jis.txt': { encoding: 'shift_jis', how: 'detected' },
  'ja-short.shift_jis.txt': { encoding: 'shift_jis', how: 'detected' },
  'ja-long.euc-jp.txt': { encoding: 'euc-jp', how: 'detected' },
  'ja-short.euc-jp.txt': { encoding: 'euc-jp', how: 'detected' },
  'ja-long.utf-16.txt': { encoding: 'utf-16le', how: 'bom' },
  'zh-hans-long.gbk.txt': { encoding: 'gb18030', how: 'detected' },
  'zh-hans-short.gbk.txt': { encoding: 'gb18030', how: 'detected' },
  'zh-hant-long.big5.txt': { encoding: 'big5', how: 'detected' },
  'zh-hant-short.big5.txt': { encoding: 'big5', how: 'detected' },
  'ko-long.euc-kr.txt': { encoding: 'euc-kr', how: 'detected' },
  'ko-short.euc-kr.txt': { encoding: 'euc-kr', how: 'detected' },
  'ru-long.windows-1251.txt': { encoding: 'windows-1251', how: 'detected' },
  'ru-short.windows-1251.txt': { encoding: 'windows-1251', how: 'detected' },
  'ru-koi8-long.koi8-r.txt': { encoding: 'koi8-r', how: 'detected' },
  'ru-koi8-short.koi8-r.txt': { encoding: 'koi8-r', how: 'detected' },
  // Windows-1250 reads Czech and Polish almost alike and scores close behind: a guess.
  'cs-long.iso-8859-2.txt': { encoding: 'iso-8859-2', how: 'guessed' },
  'cs-short.iso-8859-2.txt': { encoding: 'iso-8859-2', how: 'guessed' },
  'pl-long.iso-8859-2.txt': { encoding: 'iso-8859-2', how: 'guessed' },
  'pl-short.iso-8859-2.txt': { encoding: 'iso-8859-2', how: 'guessed' },
  'fr-long.windows-1252.txt': { encoding: 'windows-1252', how: 'detected' },
  'fr-short.windows-1252.txt': { encoding: 'windows-1252', how: 'detected' },
  'de-short.windows-1252.txt': { encoding: 'windows-1252', how: 'guessed' },
};

describe('decodeText: legacy encodings written by iconv', () => {
  it('has an expectation for every fixture', () => {
    const texts = readdirSync(ENCODED).filter((name) => name.endsWith('.txt'));
    expect(texts.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`reads ${name} as ${expected.encoding} (${expected.how})`, async () => {
      const decoded = await decodeText(encoded(name));
      const original = source(name.replace(/\.[^.]+\.txt$/, '.txt'));
      expect(decoded).toEqual({ ok: true, text: original, ...expected });
    });
  }

  it('never second-guesses UTF-8, whatever the language', async () => {
    for (const name of readdirSync(SOURCES).filter((n) => n.endsWith('.txt'))) {
      const decoded = await decodeText(sourceBytes(name));
      expect(decoded, name).toEqual({
        ok: true,
        text: source(name),
        encoding: 'utf-8',
        how: 'detected',
      });
    }
  });

  it('keeps plain ASCII as it is', async () => {
    const ascii = new TextEncoder().encode('Minister pledges shelters by 2015.\n');
    expect(await decodeText(ascii)).toMatchObject({ encoding: 'utf-8', how: 'detected' });
  });

  it('reads a file as the encoding the analyst chooses, whatever was detected', async () => {
    const bytes = encoded('ru-long.windows-1251.txt');
    const asKoi8 = await decodeText(bytes, 'koi8-r');
    expect(asKoi8).toMatchObject({ ok: true, encoding: 'koi8-r', how: 'chosen' });
    expect(asKoi8.ok && asKoi8.text).not.toContain('Вальдории');
    expect(await decodeText(bytes, 'cp1251')).toMatchObject({
      encoding: 'windows-1251',
      text: source('ru-long.txt'),
    });
    expect(await decodeText(bytes, 'utf8mb4')).toMatchObject({ ok: false, status: 'failed' });
  });
});

describe('ingestFile: the encoding read is recorded on the document', () => {
  it('gives a Shift_JIS report its title and text, and says how it was read', async () => {
    const result = await ingestFile('report.txt', encoded('ja-long.shift_jis.txt'));
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.doc.title).toBe('ヴァルドリア政府、人身取引対策の強化を約束');
    expect(result.doc.text).toContain('被害者保護シェルターを開設すると約束した');
    expect(result.doc.readAs).toEqual({ encoding: 'shift_jis', how: 'detected' });
  });

  it('reads a Markdown file as the chosen encoding', async () => {
    const result = await ingestFile('notes.md', encoded('ru-long.windows-1251.txt'), {
      encoding: 'windows-1251',
    });
    expect(result.status === 'ok' && result.doc.readAs).toEqual({
      encoding: 'windows-1251',
      how: 'chosen',
    });
  });
});

describe('chooseEncoding', () => {
  const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

  it('prefers Windows-1252 among candidates that read the bytes alike', () => {
    const sample = bytes('R\xe9fugiés promis avant l\x92été');
    expect(
      chooseEncoding(sample, [
        { encoding: 'ISO-8859-1', confidence: 0.5 },
        { encoding: 'Windows-1252', confidence: 0.49 },
        { encoding: 'Windows-1250', confidence: 0.1 },
      ]),
    ).toEqual({ encoding: 'windows-1252', sure: true });
  });

  it('keeps Windows-1252, as a guess, when the detector has almost nothing to go on', () => {
    expect(
      chooseEncoding(bytes('caf\xe9'), [
        { encoding: 'Windows-1253', confidence: 0.06 },
        { encoding: 'Windows-1252', confidence: 0.02 },
      ]),
    ).toEqual({ encoding: 'windows-1252', sure: false });
  });

  it('calls a pick with a close, different rival a guess', () => {
    const czech = bytes('\xb9koly a soudy');
    expect(
      chooseEncoding(czech, [
        { encoding: 'ISO-8859-2', confidence: 0.38 },
        { encoding: 'Windows-1250', confidence: 0.36 },
      ]),
    ).toEqual({ encoding: 'iso-8859-2', sure: false });
    expect(
      chooseEncoding(czech, [
        { encoding: 'ISO-8859-2', confidence: 0.38 },
        { encoding: 'Windows-1252', confidence: 0.3 },
      ]),
    ).toEqual({ encoding: 'windows-1252', sure: false });
  });

  it('ignores encodings it does not offer', () => {
    expect(chooseEncoding(bytes('x\xe9'), [{ encoding: 'MacCyrillic', confidence: 0.9 }])).toEqual({
      encoding: 'windows-1252',
      sure: false,
    });
  });
});

describe('TEXT_ENCODINGS', () => {
  it('lists only encodings the platform decodes, by their canonical names', () => {
    for (const { name } of TEXT_ENCODINGS) expect(new TextDecoder(name).encoding).toBe(name);
  });

  it('names them as people know them', () => {
    expect(encodingLabel('shift_jis')).toBe('Shift_JIS');
    expect(encodingLabel('gbk')).toBe('GBK, GB18030');
    expect(encodingLabel('x-unknown')).toBe('x-unknown');
  });
});
