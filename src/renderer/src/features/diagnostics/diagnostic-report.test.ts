import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problemEntry } from '@core/log/problem';
import type { Annotation, DocumentRecord } from '@core/model';
import { LOG_KEEP, LogDb, logRepo } from '../../db/log-repo';
import { DossierDb } from '../../db/schema';
import { diagnosticReport } from './diagnostic-report';

let database: DossierDb;
let logs: LogDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  database = new DossierDb(`diagnostics-test-${n}`);
  logs = new LogDb(`diagnostics-log-test-${n}`);
  await Promise.all([database.open(), logs.open()]);
});

afterEach(async () => {
  await Promise.all([database.delete(), logs.delete()]);
});

const SECRET_TEXT = 'The informant Zofia Kerrane met the deputy at the Tarsk warehouse';
const SECRET_TITLE = 'Confidential: Kerrane interview transcript';
const SECRET_NOTE = 'Do not publish: Kerrane fears for her family';
const SECRET_FILE = 'kerrane-interview-2016.txt';

async function sensitiveLibrary(): Promise<void> {
  const record: DocumentRecord = {
    id: 'doc-1',
    title: SECRET_TITLE,
    source: 'Harbour Gazette',
    date: '2016-02-03',
    author: 'Ilse Marchetti',
    url: null,
    language: 'en',
    format: 'txt',
    fileName: SECRET_FILE,
    filePath: `sources/${SECRET_FILE}`,
    contentHash: 'a'.repeat(64),
    byteLength: SECRET_TEXT.length,
    textLength: SECRET_TEXT.length,
    importedAt: 1,
  };
  const annotation: Annotation = {
    id: 'ann-1',
    docId: 'doc-1',
    tag: 'evidence',
    note: SECRET_NOTE,
    actor: 'Zofia Kerrane',
    labels: ['informant-kerrane'],
    target: {
      contentHash: record.contentHash,
      selectors: [{ type: 'TextQuoteSelector', exact: 'met the deputy', prefix: '', suffix: '' }],
    },
    createdAt: 1,
    updatedAt: 1,
  };
  await database.documents.put(record);
  await database.contents.put({ docId: 'doc-1', text: SECRET_TEXT, blocks: [] });
  await database.annotations.put(annotation);
}

function hostOver(repo: ReturnType<typeof logRepo>) {
  return {
    kind: 'browser' as const,
    diagnostics: async () => ({
      appVersion: '9.9.9',
      versions: { browser: 'Chromium/140' },
      platform: 'Linux',
      logWhere: 'IndexedDB',
      logEntries: await repo.count(),
      problems: await repo.recent(50, (r) => r.level !== 'info'),
    }),
  };
}

describe('the web log', () => {
  it(`keeps the last ${LOG_KEEP} entries, oldest first, and leaves out a damaged one`, async () => {
    const repo = logRepo(logs);
    for (let i = 0; i < 12; i += 1) {
      await repo.append(
        {
          time: `t${i}`,
          level: i % 3 === 0 ? 'info' : 'error',
          source: 'renderer',
          message: `entry ${i}`,
        },
        10,
      );
    }
    expect(await repo.count()).toBe(10);
    expect((await repo.recent(100)).map((r) => r.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `entry ${i + 2}`),
    );
    expect((await repo.recent(3, (r) => r.level === 'error')).map((r) => r.message)).toEqual([
      'entry 8',
      'entry 10',
      'entry 11',
    ]);
    await logs.entries.add({ time: 'x', level: 'loud', source: 'page', message: '' } as never);
    expect((await repo.recent(1)).map((r) => r.message)).toEqual(['entry 11']);
  });

  it('holds at most 1,000 entries by default', async () => {
    const repo = logRepo(logs);
    await logs.entries.bulkAdd(
      Array.from({ length: LOG_KEEP }, (_, i) => ({
        time: 't',
        level: 'info' as const,
        source: 'renderer' as const,
        message: `old ${i}`,
      })),
    );
    await repo.append({ time: 't', level: 'error', source: 'renderer', message: 'newest' });
    expect(await repo.count()).toBe(LOG_KEEP);
    const all = await repo.recent(LOG_KEEP);
    expect(all[0]?.message).toBe('old 1');
    expect(all.at(-1)?.message).toBe('newest');
  });
});

describe('the diagnostic report', () => {
  it('gives versions, counts and the last problems, and no document text, title, file name or note', async () => {
    await sensitiveLibrary();
    const repo = logRepo(logs);
    const error = new TypeError("Cannot read properties of undefined (reading 'selectors')");
    const entry = problemEntry('Reader view', error, { components: 'Reader < ReaderView' });
    await repo.append({ ...entry, time: '2026-11-30T10:00:00.000Z', source: 'renderer' });
    const report = await diagnosticReport(
      hostOver(repo),
      new Date('2026-11-30T10:05:00Z'),
      database,
    );
    expect(report).toContain('App: Dossier 9.9.9 (web)');
    expect(report).toContain('browser: Chromium/140');
    expect(report).toContain('Library: 1 documents, 1 annotations, 0 links');
    expect(report).toContain('Log: IndexedDB (1 entries)');
    expect(report).toContain(
      "2026-11-30T10:00:00.000Z error (renderer) Reader view: TypeError: Cannot read properties of undefined (reading 'selectors')",
    );
    expect(report).toContain('"components":"Reader < ReaderView"');
    for (const secret of [SECRET_TEXT, SECRET_TITLE, SECRET_NOTE, SECRET_FILE, 'Kerrane']) {
      expect(report).not.toContain(secret);
    }
  });

  it('is made even when the library cannot be read', async () => {
    database.close();
    const report = await diagnosticReport(hostOver(logRepo(logs)), new Date(0), database);
    expect(report).toContain('Library: unknown documents, unknown annotations, unknown links');
    expect(report).toContain('Last problems: none');
  });
});
