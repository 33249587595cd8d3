import { describe, expect, it } from 'vitest';
import { runIngestJob } from './ingest-job';

const text =
  'Shelter audit\nSource: Harbourlight\nDate: 2014-11-19\n\nThe Belmire shelter was locked.\n';

describe('runIngestJob', () => {
  it('reads a Blob itself, hashes it and hands the bytes back', async () => {
    const bytes = new TextEncoder().encode(text);
    const fromBlob = await runIngestJob({ name: 'audit.txt', blob: new Blob([bytes]) });
    const fromBytes = await runIngestJob({ name: 'audit.txt', bytes });
    expect(fromBlob.result).toMatchObject({
      status: 'ok',
      doc: { title: 'Shelter audit', date: '2014-11-19' },
    });
    expect(fromBlob.contentHash).toBe(fromBytes.contentHash);
    expect(fromBlob.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect([...fromBlob.bytes]).toEqual([...bytes]);
  });

  it('refuses a file over the limit without reading it', async () => {
    const blob = new Blob([new Uint8Array(3 * 1024 * 1024)]);
    const response = await runIngestJob({ name: 'huge.txt', blob, maxBytes: 2 * 1024 * 1024 });
    expect(response.result).toEqual({ status: 'failed', reason: 'larger than the 2 MB limit' });
    expect(response.bytes.byteLength).toBe(0);
  });
});
