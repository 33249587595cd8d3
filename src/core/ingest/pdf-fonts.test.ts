import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { nodePdfEngine, PDFJS_DIST } from '../../../tests/pdf-engine';
import { parsePdfFile } from './pdf';
import { pdfOfflineOptions, type PdfAssets } from './pdf-offline';
import type { PdfEngine } from './result';

/**
 * PDFs whose fonts are not embedded (tests/fixtures/pdf-fonts/, written by
 * scripts/fixtures/make-font-pdf-fixtures.ts): pdf.js needs the CMaps and standard font data
 * that pdfjs-dist ships, which the app serves itself.
 */
const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../../tests/fixtures/pdf-fonts/${name}`, import.meta.url)),
  );

/** Reads the files from node_modules through `load`, as the app's worker does, noting each. */
function recordingAssets(): { assets: PdfAssets; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    assets: {
      baseUrl: 'app:/pdfjs/',
      load: async (url) => {
        asked.push(url);
        const path = url.replace('app:/pdfjs/', PDFJS_DIST);
        return new Uint8Array(readFileSync(path));
      },
    },
  };
}

const JAPANESE =
  '大臣は記者会見で「人身取引は重大な犯罪であり、政府は加害者を必ず処罰する」と述べた。';
const CHINESE = '瓦尔多利亚内政部长表示，政府将在今年年底前在每个省开设受害者庇护所。';

describe('a PDF whose CJK fonts use predefined CMaps (UniJIS-UCS2-H, UniGB-UCS2-H)', () => {
  it('comes out empty without the CMaps', async () => {
    const bare: PdfEngine = { getDocument: pdfjs.getDocument };
    const result = await parsePdfFile(fixture('cjk-predefined-cmaps.pdf'), 'cjk.pdf', {
      pdf: bare,
    });
    expect(result.status === 'ok' && result.doc.text).toBe('');
    expect(result.status === 'ok' && result.doc.flags).toEqual(['no-text']);
  });

  it('is read in full with them, in reading order', async () => {
    const result = await parsePdfFile(fixture('cjk-predefined-cmaps.pdf'), 'cjk.pdf', {
      pdf: nodePdfEngine,
    });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.doc.title).toBe('人身取引対策の強化を約束');
    expect(result.doc.text.replace(/\s/g, '')).toContain(JAPANESE);
    expect(result.doc.text.replace(/\s/g, '')).toContain(CHINESE);
    expect(result.doc.text.indexOf('人身取引対策')).toBeLessThan(
      result.doc.text.indexOf('瓦尔多利亚'),
    );
    expect(result.doc.flags).toBeUndefined();
  });

  it('reads the CMaps through the app’s loader, by name, when one is given', async () => {
    const { assets, asked } = recordingAssets();
    const result = await parsePdfFile(fixture('cjk-predefined-cmaps.pdf'), 'cjk.pdf', {
      pdf: { getDocument: pdfjs.getDocument, assets },
    });
    expect(result.status === 'ok' && result.doc.text.replace(/\s/g, '')).toContain(CHINESE);
    expect(asked.sort()).toEqual([
      'app:/pdfjs/cmaps/Adobe-GB1-UCS2.bcmap',
      'app:/pdfjs/cmaps/Adobe-Japan1-UCS2.bcmap',
      'app:/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
      'app:/pdfjs/cmaps/UniJIS-UCS2-H.bcmap',
    ]);
  });
});

describe('a PDF in standard fonts that are not embedded (Helvetica, Times-Roman)', () => {
  it('loads the standard font data for each font, and reads the text', async () => {
    const { assets, asked } = recordingAssets();
    const result = await parsePdfFile(fixture('standard-fonts.pdf'), 'std.pdf', {
      pdf: { getDocument: pdfjs.getDocument, assets },
    });
    expect(result.status === 'ok' && result.doc.text).toContain(
      '“Trafficking is a grave crime, and this government will punish those responsible,” he told reporters.',
    );
    expect(asked.sort()).toEqual([
      'app:/pdfjs/standard_fonts/FoxitSerif.pfb',
      'app:/pdfjs/standard_fonts/LiberationSans-Bold.ttf',
      'app:/pdfjs/standard_fonts/LiberationSans-Regular.ttf',
    ]);
  });

  it('is drawn with the real glyphs only when the data is there', async (context) => {
    let canvasModule: typeof import('@napi-rs/canvas');
    try {
      canvasModule = createRequire(import.meta.url)('@napi-rs/canvas') as typeof canvasModule;
    } catch {
      console.log('Skipped: @napi-rs/canvas (pdf.js’s optional canvas for Node) is not installed');
      context.skip();
      return;
    }
    const draw = async (assets: PdfAssets | undefined) => {
      const task = pdfjs.getDocument({
        ...pdfOfflineOptions(assets),
        data: fixture('standard-fonts.pdf'),
      });
      try {
        const page = await (await task.promise).getPage(1);
        const viewport = page.getViewport({ scale: 1 });
        const canvas = canvasModule.createCanvas(viewport.width, viewport.height);
        await page.render({
          canvas: canvas as unknown as Parameters<typeof page.render>[0]['canvas'],
          viewport,
        }).promise;
        return canvas.getContext('2d').getImageData(0, 0, viewport.width, viewport.height).data;
      } finally {
        await task.destroy();
      }
    };
    const [fallback, real, again] = [
      await draw(undefined),
      await draw({ baseUrl: PDFJS_DIST }),
      await draw({ baseUrl: PDFJS_DIST }),
    ];
    const inked = (pixels: Uint8ClampedArray) =>
      pixels.filter((v, i) => i % 4 === 3 && v > 0).length;
    expect(inked(real)).toBeGreaterThan(10_000);
    expect(Buffer.from(real).equals(Buffer.from(again))).toBe(true);
    expect(Buffer.from(real).equals(Buffer.from(fallback))).toBe(false);
  });
});
