import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../host';
import { warmFiles } from './warm-files';

/** Files whose size, as a browser's listed files, is learnt when first asked. */
function listed(count: number) {
  const asked = new Set<number>();
  const files: SourceFile[] = Array.from({ length: count }, (_, i) => ({
    name: `f${i}.txt`,
    relativePath: `f${i}.txt`,
    size: 1,
    read: async () => new Uint8Array(),
    blob: {
      get size() {
        asked.add(i);
        return 1;
      },
    } as Blob,
  }));
  return { files, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('warmFiles', () => {
  it('asks every listed file its size, later and not all at once', async () => {
    const { files, asked } = listed(500);
    warmFiles(files);
    expect(asked.size).toBe(0);
    while (asked.size < 500) await settle();
    expect(asked.size).toBe(500);
  });

  it('stops once the import is over', async () => {
    const { files, asked } = listed(50);
    const stop = new AbortController();
    stop.abort();
    warmFiles(files, stop.signal);
    await settle();
    expect(asked.size).toBe(0);
  });
});
