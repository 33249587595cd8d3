import { describe, expect, it } from 'vitest';
import { runIngestJob } from './ingest-job';
import { createIngestStation, type NewDocument } from './ingest-station';
import { handleStationRequest, remoteStation } from './ingest-station-protocol';

const utf8 = new TextEncoder();
const article = (title: string) =>
  utf8.encode(
    `${title}\nSource: The Harbour Gazette\nDate: 2016-02-11\n\nThe shelter stayed shut.\n`,
  );

function station() {
  const stored: NewDocument[] = [];
  const sink = { addMany: async (docs: readonly NewDocument[]) => void stored.push(...docs) };
  return { stored, station: createIngestStation((r) => runIngestJob(r), sink) };
}

const entry = (key: string, id: string) => ({
  key,
  id,
  fileName: `${id}.txt`,
  filePath: `press/${id}.txt`,
  importedAt: 1,
});

describe('an ingest station', () => {
  it('answers a parse with a summary only, and stores what it is told to keep', async () => {
    const { station: s, stored } = station();
    const summary = await s.parse('a', { name: 'a.txt', bytes: article('Shelter Deadline') });
    expect(summary.result).toEqual({
      status: 'ok',
      title: 'Shelter Deadline',
      readAs: { encoding: 'utf-8', how: 'detected' },
    });
    expect(JSON.stringify(summary)).not.toContain('stayed shut');
    await s.parse('b', { name: 'b.txt', bytes: article('Second Story') });

    await s.store([entry('a', 'doc-a')], ['b']);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.record).toMatchObject({
      id: 'doc-a',
      title: 'Shelter Deadline',
      filePath: 'press/doc-a.txt',
      contentHash: summary.contentHash,
      byteLength: summary.byteLength,
    });
    expect(stored[0]?.content.text).toContain('The shelter stayed shut.');
    // Stored and dropped documents are no longer held.
    await expect(s.store([entry('a', 'again')], [])).rejects.toThrow(/no parsed document a/);
    await expect(s.take('b')).rejects.toThrow(/no parsed document b/);
  });

  it('holds nothing for a file it could not read, and hands a document over once', async () => {
    const { station: s } = station();
    const empty = await s.parse('e', { name: 'empty.txt', bytes: new Uint8Array() });
    expect(empty.result).toEqual({ status: 'failed', reason: 'file is empty' });
    await expect(s.take('e')).rejects.toThrow();

    await s.parse('v', { name: 'v.txt', bytes: article('New Version') });
    const held = await s.take('v');
    expect(held.doc.title).toBe('New Version');
    await expect(s.take('v')).rejects.toThrow();
  });

  it('works the same through its message protocol', async () => {
    const { station: local, stored } = station();
    const remote = remoteStation((request) => handleStationRequest(local, request));
    const summary = await remote.parse('r', { name: 'r.txt', bytes: article('Over The Wire') });
    expect(summary.result.status).toBe('ok');
    await remote.store([entry('r', 'doc-r')], []);
    expect(stored.map((d) => d.record.title)).toEqual(['Over The Wire']);
  });
});
