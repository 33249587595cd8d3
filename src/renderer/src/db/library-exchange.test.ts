import 'fake-indexeddb/auto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from '@core/exchange/backup-format';
import { writeBackup } from '@core/exchange/backup-write';
import { dumpLibrary, seedLibrary } from '../../../../tests/exchange-library';
import { backupSource, restoreBackup } from './library-exchange';
import { restoreJournal } from './restore-journal';
import { DossierDb } from './schema';

const opened: DossierDb[] = [];
let n = 0;
async function freshDb(): Promise<DossierDb> {
  n += 1;
  const database = new DossierDb(`exchange-test-${n}`);
  await database.open();
  opened.push(database);
  return database;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.delete()));
});

async function backupOf(database: DossierDb): Promise<Uint8Array> {
  const chunks = await writeBackup(backupSource(database), {
    appVersion: 'test',
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The backup with one entry rewritten and the zip rebuilt, as a hand edit would leave it. */
function rewrite(bytes: Uint8Array, path: string, edit: (text: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const entry = files[path];
  if (!entry) throw new Error(`no ${path}`);
  files[path] = strToU8(edit(new TextDecoder().decode(entry)));
  return zipSync(files);
}

describe('backup and restore', () => {
  it('restores every record of the library into an empty one', async () => {
    const source = await freshDb();
    await seedLibrary(source);
    const bytes = await backupOf(source);
    const target = await freshDb();
    const result = await restoreBackup(target, bytes);
    expect(result.restored).toBe(true);
    expect(result.summary.documents.added).toBe(14);
    expect(result.summary.annotations.added).toBe(4);
    expect(result.summary.links.added).toBe(2);
    expect(await dumpLibrary(target)).toEqual(await dumpLibrary(source));
  });

  it('merges a backup into a non-empty library, adding nothing twice', async () => {
    const source = await freshDb();
    await seedLibrary(source);
    const bytes = await backupOf(source);
    const again = await restoreBackup(source, bytes);
    expect(again.restored).toBe(false);
    expect(again.summary.documents).toMatchObject({ added: 0, matched: 14 });
    expect(again.summary.annotations).toMatchObject({ added: 0, matched: 4 });
    expect(again.summary.links).toMatchObject({ added: 0, matched: 2 });
  });

  describe('refuses a damaged backup and leaves the library exactly as it was', () => {
    const cases: [string, (b: Uint8Array) => Uint8Array, BackupError['problem'], RegExp][] = [
      [
        'truncated',
        (b) => b.slice(0, Math.floor(b.byteLength * 0.6)),
        'damaged',
        /damaged or incomplete/,
      ],
      [
        'not a zip',
        () => strToU8('just some text, not a backup'),
        'not-a-backup',
        /not a Dossier backup/,
      ],
      [
        'tampered (an annotation edited, hashes not)',
        (b) =>
          rewrite(b, 'library/annotations.json', (t) =>
            t.replace('Justice Minister', 'Someone Else'),
          ),
        'tampered',
        /does not match its checksum/,
      ],
      [
        'an entry removed',
        (b) => {
          const files = unzipSync(b);
          delete files['library/links.json'];
          return zipSync(files);
        },
        'truncated',
        /incomplete: “library\/links.json” is missing/,
      ],
      [
        'an entry added',
        (b) => zipSync({ ...unzipSync(b), 'extra.js': strToU8('alert(1)') }),
        'tampered',
        /does not list/,
      ],
      [
        'made by a newer version',
        (b) =>
          rewrite(b, 'manifest.json', (t) => t.replace('"formatVersion": 1', '"formatVersion": 2')),
        'newer-version',
        /newer version of Dossier/,
      ],
      [
        'a corrupted byte in the middle',
        (b) => {
          // Inside an entry's data: a byte of a header's date or of the directory's padding
          // is read by no one, so flipping the file's middle byte could damage nothing.
          const copy = b.slice();
          const at = middleOfLargestEntry(copy);
          copy[at] = (copy[at] ?? 0) ^ 0xff;
          return copy;
        },
        'damaged',
        /.+/,
      ],
    ];
    for (const [name, damage, problem, message] of cases) {
      it(name, async () => {
        const source = await freshDb();
        await seedLibrary(source);
        const bytes = damage(await backupOf(source));
        const target = await freshDb();
        await seedLibrary(target);
        const before = await dumpLibrary(target);
        const error = await restoreBackup(target, bytes).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BackupError);
        const refused = error as BackupError;
        // A flipped byte may hit compressed data (unreadable) or stored data (checksum).
        if (name.startsWith('a corrupted'))
          expect(['damaged', 'tampered']).toContain(refused.problem);
        else expect(refused.problem).toBe(problem);
        expect(refused.message).toMatch(message);
        expect(await dumpLibrary(target)).toEqual(before);
      });
    }
  });

  it('leaves the library untouched when cancelled while writing', async () => {
    const source = await freshDb();
    await seedLibrary(source);
    const bytes = await backupOf(source);
    const target = await freshDb();
    const signal = { aborted: false };
    const error = await restoreBackup(target, bytes, {
      signal,
      onProgress: (p) => {
        if (p.phase === 'writing') signal.aborted = true;
      },
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('CancelledError');
    expect(await target.documents.count()).toBe(0);
    expect(await target.annotations.count()).toBe(0);
  });
});

describe('the record of restores while they run', () => {
  const job = (id: string, owner?: string) => ({
    id,
    fileName: `${id}.dossier`,
    startedAt: 1,
    ...(owner ? { owner } : {}),
  });

  it('is on record while a restore runs and off it once written, refused or cancelled', async () => {
    const source = await freshDb();
    await seedLibrary(source);
    const bytes = await backupOf(source);
    const target = await freshDb();
    let recorded: unknown[] = [];
    await restoreBackup(target, bytes, {
      job: job('done'),
      onProgress: (p) => {
        if (p.phase === 'checking') void target.restoreJobs.toArray().then((r) => (recorded = r));
      },
    });
    expect(recorded).toEqual([job('done')]);
    expect(await target.restoreJobs.count()).toBe(0);

    const refused = restoreBackup(target, bytes.subarray(0, 100), { job: job('refused') });
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    const signal = { aborted: false };
    const cancelled = restoreBackup(await freshDb(), bytes, {
      job: job('cancelled'),
      signal,
      onProgress: (p) => {
        if (p.phase === 'writing') signal.aborted = true;
      },
    });
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(await target.restoreJobs.count()).toBe(0);
    expect(await opened.at(-1)!.restoreJobs.count()).toBe(0);
  });

  it('finds a restore whose window is gone as interrupted, once, and leaves a running one', async () => {
    const database = await freshDb();
    // Put on record as a restore does before it starts; its window then closed.
    await database.restoreJobs.bulkPut([job('gone', 'w1'), job('running', 'w2')]);
    const journal = restoreJournal(database);
    const live = (j: { owner?: string }) => j.owner === 'w2';
    expect((await journal.recover(live)).map((j) => j.fileName)).toEqual(['gone.dossier']);
    expect(await journal.recover(live)).toEqual([]);
    expect((await database.restoreJobs.toArray()).map((j) => j.id)).toEqual(['running']);
  });
});

/** The middle byte of the zip's largest entry's data, found through its central directory. */
function middleOfLargestEntry(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('no end of central directory in the backup');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let best = { at: -1, size: 0 };
  for (let i = 0; i < count; i += 1) {
    const size = view.getUint32(at + 20, true);
    const local = view.getUint32(at + 42, true);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (size > best.size) best = { at: data, size };
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  if (best.at < 0) throw new Error('no entry with data in the backup');
  return best.at + Math.floor(best.size / 2);
}
