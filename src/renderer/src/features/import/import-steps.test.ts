import { describe, expect, it, vi } from 'vitest';
import type { JournalFile, JournalPatch } from '../../db/import-journal';
import { applyJournalPatch, summaryOfJournal } from '../../db/import-journal';
import { JournalWriter, type JournalStore } from './import-journal-writer';
import { interruptedMessage, planResume, storedEarlierOf } from './import-resume';
import {
  BATCH,
  BATCH_BYTES,
  ContentClaims,
  ImportLedger,
  MAX_FILE_BYTES,
  StoreBatch,
  outcomeOfParse,
  type PendingStore,
} from './import-steps';

const HASH = 'a'.repeat(64);

describe('what a parse means for the import', () => {
  it('passes a parsed file on to be decided', () => {
    const outcome = outcomeOfParse(3, 'run/3', 'a/b.txt', {
      contentHash: HASH,
      byteLength: 10,
      result: { status: 'ok', title: 'Shelters' },
    });
    expect(outcome).toEqual({
      kind: 'parsed',
      parsed: {
        index: 3,
        key: 'run/3',
        summary: { contentHash: HASH, byteLength: 10, result: { status: 'ok', title: 'Shelters' } },
      },
    });
  });

  it('settles a file too large, dropping what the station holds of it', () => {
    const outcome = outcomeOfParse(0, 'k', 'big.pdf', {
      contentHash: HASH,
      byteLength: MAX_FILE_BYTES + 1,
      result: { status: 'ok', title: 'Big' },
    });
    expect(outcome).toEqual({
      kind: 'final',
      drop: true,
      result: {
        relativePath: 'big.pdf',
        outcome: 'failed',
        reason: 'larger than the 200 MB limit',
      },
    });
  });

  it('keeps the code of an encrypted PDF, so it can be retried with a password', () => {
    const outcome = outcomeOfParse(0, 'k', 'locked.pdf', {
      contentHash: HASH,
      byteLength: 10,
      result: { status: 'failed', reason: 'encrypted PDF', code: 'encrypted' },
    });
    expect(outcome).toMatchObject({
      kind: 'final',
      drop: false,
      result: { outcome: 'failed', reason: 'encrypted PDF', code: 'encrypted' },
    });
  });
});

describe('which file keeps a content', () => {
  it('keeps the first claim and names it to later ones', () => {
    const claims = new ContentClaims();
    expect(claims.claim(HASH, { index: 0, title: 'First' }, () => true)).toBeNull();
    expect(claims.claim(HASH, { index: 4, title: 'Copy' }, () => true)).toEqual({
      index: 0,
      title: 'First',
    });
  });

  it('lets an earlier file take over from a later one that is not stored yet', () => {
    const claims = new ContentClaims();
    claims.claim(HASH, { index: 7, title: 'Later' }, () => true);
    const withdraw = vi.fn(() => true);
    expect(claims.claim(HASH, { index: 2, title: 'Earlier' }, withdraw)).toBeNull();
    expect(withdraw).toHaveBeenCalledWith(7);
    // The content is the earlier file's now.
    expect(claims.claim(HASH, { index: 9, title: 'Third' }, () => true)?.index).toBe(2);
  });

  it('leaves a later file that is already stored in place', () => {
    const claims = new ContentClaims();
    claims.claim(HASH, { index: 7, title: 'Later' }, () => true);
    expect(claims.claim(HASH, { index: 2, title: 'Earlier' }, () => false)?.index).toBe(7);
  });
});

const pending = (index: number, bytes = 10): PendingStore => ({
  index,
  bytes,
  entry: { key: `k${index}`, id: `d${index}`, fileName: 'f', filePath: 'f', importedAt: 1 },
  result: { relativePath: `f${index}`, outcome: 'imported', docId: `d${index}` },
});

describe('a batch waiting to be stored', () => {
  it('is full at its count or its bytes, whichever comes first', () => {
    const byCount = new StoreBatch();
    for (let i = 0; i < BATCH - 1; i += 1) byCount.add(pending(i));
    expect(byCount.full).toBe(false);
    byCount.add(pending(BATCH));
    expect(byCount.full).toBe(true);

    const byBytes = new StoreBatch();
    byBytes.add(pending(0, BATCH_BYTES));
    expect(byBytes.full).toBe(true);
  });

  it('hands over its documents and drops once, and takes one back while it waits', () => {
    const batch = new StoreBatch();
    batch.add(pending(1));
    batch.add(pending(2));
    batch.drop('k9');
    expect(batch.withdraw(1)?.index).toBe(1);
    expect(batch.withdraw(1)).toBeNull();
    const taken = batch.take();
    expect(taken?.entries.map((e) => e.index)).toEqual([2]);
    expect(taken?.drop).toEqual(['k9', 'k1']);
    expect(batch.take()).toBeNull();
    expect(batch.withdraw(2)).toBeNull();
  });
});

describe('the ledger of an import', () => {
  const imported = { relativePath: 'a.txt', outcome: 'imported' as const, docId: 'd1' };

  it('shows an imported file only once it is stored', () => {
    const changes: [number, JournalPatch][] = [];
    const ledger = new ImportLedger(2, (i, p) => changes.push([i, p]));
    ledger.parsed(0, 12, HASH);
    ledger.decided(0, imported);
    expect(ledger.done).toBe(1);
    expect(ledger.inLibrary).toBe(0);
    expect(ledger.stage(0)).toBe('decided');
    ledger.settled(1, { relativePath: 'b.txt', outcome: 'unsupported', reason: 'not a document' });
    expect(() => ledger.report()).toThrow(/file 1 of the import has no result/);

    ledger.stored(0, imported);
    expect(ledger.inLibrary).toBe(1);
    expect(ledger.done).toBe(2);
    expect(ledger.report().map((r) => r.outcome)).toEqual(['imported', 'unsupported']);
    expect(ledger.stage(0)).toBe('reported');
    expect(changes).toEqual([
      [0, { stage: 'parsed', size: 12, contentHash: HASH }],
      [0, { stage: 'decided', result: imported }],
      [
        1,
        {
          stage: 'decided',
          result: { relativePath: 'b.txt', outcome: 'unsupported', reason: 'not a document' },
        },
      ],
    ]);
  });

  it('reports a file whose batch failed to store as failed, counted once', () => {
    const ledger = new ImportLedger(1);
    ledger.decided(0, imported);
    ledger.settled(0, { relativePath: 'a.txt', outcome: 'failed', reason: 'disk full' });
    expect(ledger.done).toBe(1);
    expect(ledger.inLibrary).toBe(0);
    expect(ledger.report()[0]?.outcome).toBe('failed');
  });
});

describe('the journal writer', () => {
  it('writes a file once per flush, at its latest stage, and never moves one back', async () => {
    const writes: Map<number, JournalPatch>[] = [];
    const store: JournalStore = {
      begin: async () => undefined,
      advance: async (_job, patches) => void writes.push(new Map(patches)),
      finish: async () => undefined,
    };
    const writer = new JournalWriter(store, 'job', 60_000);
    writer.note(0, { stage: 'parsed', size: 3, contentHash: HASH });
    writer.note(0, { stage: 'decided', result: { relativePath: 'a', outcome: 'duplicate' } });
    writer.note(1, {
      stage: 'stored',
      size: 5,
      contentHash: HASH,
      result: { relativePath: 'b', outcome: 'imported' },
    });
    writer.note(1, { stage: 'parsed', size: 5, contentHash: HASH });
    await writer.flush();
    await writer.flush();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.get(0)).toEqual({
      stage: 'decided',
      size: 3,
      contentHash: HASH,
      result: { relativePath: 'a', outcome: 'duplicate' },
    });
    expect(writes[0]?.get(1)?.stage).toBe('stored');
  });

  it('keeps going when a write fails, and says so', async () => {
    const store: JournalStore = {
      begin: async () => undefined,
      advance: async () => {
        throw new Error('quota');
      },
      finish: async () => undefined,
    };
    const writer = new JournalWriter(store, 'job', 60_000);
    writer.note(0, { stage: 'parsed' });
    await writer.flush();
    expect(String(writer.error)).toContain('quota');
  });
});

const row = (index: number, patch: Partial<JournalFile> = {}): JournalFile => ({
  jobId: 'job',
  index,
  name: `n${index}.txt`,
  relativePath: `notes/n${index}.txt`,
  stage: 'queued',
  ...patch,
});

describe("an interrupted import's journal", () => {
  const rows = [
    row(0, {
      stage: 'stored',
      size: 10,
      contentHash: HASH,
      result: { relativePath: 'notes/n0.txt', outcome: 'imported', docId: 'd0', title: 'Zero' },
    }),
    row(1, { stage: 'decided', result: { relativePath: 'x', outcome: 'imported', docId: 'd1' } }),
    row(2, {
      stage: 'decided',
      result: { relativePath: 'notes/n2.txt', outcome: 'unsupported', reason: 'not a document' },
    }),
    row(3),
  ];

  it('never moves a file back a stage', () => {
    const stored = rows[0] as JournalFile;
    expect(applyJournalPatch(stored, { stage: 'decided' })).toBe(stored);
    expect(applyJournalPatch(row(5), { stage: 'parsed', size: 4 })).toMatchObject({
      stage: 'parsed',
      size: 4,
    });
  });

  it('sums up as far as it went: stored, settled, and the rest not imported', () => {
    const job = { id: 'job', origin: 'folder' as const, label: 'x', startedAt: 1, total: 4 };
    const summary = summaryOfJournal({ ...job, state: 'running' }, rows, 9);
    expect(summary.files.map((f) => [f.relativePath, f.outcome])).toEqual([
      ['notes/n0.txt', 'imported'],
      // Decided to store but never committed: not in the library.
      ['notes/n1.txt', 'cancelled'],
      ['notes/n2.txt', 'unsupported'],
      ['notes/n3.txt', 'cancelled'],
    ]);
    expect(summary.files[3]?.reason).toBe('not imported: the import was interrupted');
    expect(interruptedMessage(job, 1)).toBe(
      'The last import was interrupted: 1 of 4 files stored.',
    );
  });

  it('plans the rest from the files chosen again: its own files, in its order, stored ones known', () => {
    expect([...storedEarlierOf(rows).keys()]).toEqual(['notes/n0.txt']);
    const chosen = ['notes/n3.txt', 'notes/extra.txt', 'notes/n0.txt', 'notes/n2.txt'].map(
      (relativePath) => ({ relativePath }),
    );
    const plan = planResume('job', rows, chosen);
    expect(plan?.files.map((f) => f.relativePath)).toEqual([
      'notes/n0.txt',
      'notes/n2.txt',
      'notes/n3.txt',
    ]);
    expect(plan?.missing).toBe(1);
    expect(plan?.resume.stored.get('notes/n0.txt')).toEqual({
      relativePath: 'notes/n0.txt',
      size: 10,
      contentHash: HASH,
      docId: 'd0',
      title: 'Zero',
    });
    expect(planResume('job', rows, [{ relativePath: 'elsewhere/x.txt' }])).toBeNull();
  });
});
