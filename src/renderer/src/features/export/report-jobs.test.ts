import 'fake-indexeddb/auto';
import { toByteArray } from 'base64-js';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationService } from '@core/annotations/annotation-service';
import { describeRange } from '@core/anchoring';
import { PRINT_LINK_TO } from '@core/export/write-print-html';
import { verifyReport } from '@core/export';
import type { ReportScope } from '@core/export/report-types';
import type { Tag } from '@core/model';
import { importSamples } from '../../../../../tests/sample-library';
import { annotationStore } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import { DossierDb } from '../../db/schema';
import { runReportJob, type ReportJobProgress, type ReportJobResponse } from './report-jobs';
import { verifyAgainstLibrary } from '../verify/verify-library';
import { loadReportLibrary } from './report-library';

let database: DossierDb;
let n = 0;
let ids: Record<string, string>;

/** Tags `phrase` in the sample whose title starts with `title`, through the app's service. */
async function tag(title: string, phrase: string, tagName: Tag) {
  const doc = (await documentsRepo(database).list()).find((d) => d.title.startsWith(title))!;
  const { text } = (await documentsRepo(database).content(doc.id))!;
  const start = text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  const created = await new AnnotationService(annotationStore(database)).create({
    docId: doc.id,
    tag: tagName,
    note: '',
    target: {
      contentHash: doc.contentHash,
      selectors: describeRange(text, { start, end: start + phrase.length }),
    },
  });
  return created.id;
}

async function snapshot() {
  const tables = [database.documents, database.contents, database.annotations, database.links];
  return JSON.stringify(await Promise.all(tables.map((t) => t.toArray())));
}

beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-report-jobs-${n}`);
  await database.open();
  await importSamples(database);
  const service = new AnnotationService(annotationStore(database));
  ids = {
    pledge: await tag(
      'Justice Minister Vows',
      'Officials who collude with traffickers will be punished',
      'pledge',
    ),
    critique: await tag(
      'Complicit Officials',
      'complicit officials are never prosecuted',
      'critique',
    ),
    unlinked: await tag(
      'Trafficking Court Figures',
      'three public servants were convicted',
      'evidence',
    ),
  };
  await service.link(ids.critique!, ids.pledge!, 'contradicts');
});
afterEach(() => database.delete());

const exportJob = (scope: ReportScope, format: 'markdown' | 'pdf' | 'docx' = 'markdown') =>
  ({
    kind: 'export',
    scope,
    arrangement: 'pledge',
    format,
    generatedAt: Date.UTC(2016, 1, 11),
  }) as const;

function exported(response: ReportJobResponse) {
  if (response.kind !== 'export') throw new Error('not an export');
  return response;
}

describe('the export job', () => {
  it('builds and writes the report from the stored library, reporting progress', async () => {
    const before = await snapshot();
    const progress: ReportJobProgress[] = [];
    const response = exported(
      await runReportJob(exportJob({ kind: 'library' }), (p) => progress.push(p), database),
    );
    expect(response.fileName).toBe('dossier-report-2016-02-11.md');
    expect(response.counts).toEqual({ items: 3, inPlace: 3, moved: 0, unverified: 0 });
    const markdown = new TextDecoder().decode(response.bytes);
    expect(markdown).toContain('> Officials who collude with traffickers will be punished');
    expect(markdown).toContain('> complicit officials are never prosecuted');
    expect(progress.map((p) => p.phase)).toEqual(['reading', 'placing', 'writing']);
    expect(progress[1]).toEqual({ phase: 'placing', done: 3, total: 3 });
    // The bytes own their buffer, so transferring them moves exactly the file.
    expect(response.bytes.byteOffset).toBe(0);
    expect(response.bytes.buffer.byteLength).toBe(response.bytes.byteLength);
    // Exporting only reads.
    expect(await snapshot()).toBe(before);
  });

  it('writes a PDF as its HTML for the host to print, named .pdf', async () => {
    const response = exported(
      await runReportJob(exportJob({ kind: 'library' }, 'pdf'), undefined, database),
    );
    expect(response.fileName).toBe('dossier-report-2016-02-11.pdf');
    // The web app prints one document through the browser's print dialog: its HTML in UTF-8,
    // whose buffer is transferred to the page.
    expect(response.printed).toBeUndefined();
    expect(response.bytes.buffer.byteLength).toBe(response.bytes.byteLength);
    const html = new TextDecoder('utf-8', { fatal: true }).decode(response.bytes);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<blockquote');
    expect(html).toContain('id="sources"');
  });

  it('writes a PDF in parts for a host that prints in parts (the desktop app)', async () => {
    const response = exported(
      await runReportJob(
        { ...exportJob({ kind: 'library' }, 'pdf'), printInParts: true },
        undefined,
        database,
      ),
    );
    const parts = response.printed?.parts ?? [];
    expect(parts.length).toBeGreaterThanOrEqual(1);
    expect(response.bytes.byteLength).toBe(0);
    expect(response.printed?.headings.map((h) => h.title)).toContain('Sources');
    for (const part of parts) expect(part).toMatch(/^<!DOCTYPE html>/);
    expect(parts.join('')).toContain(`href="${PRINT_LINK_TO}`);
  });

  it('writes a Word file as its zip package', async () => {
    const response = exported(
      await runReportJob(exportJob({ kind: 'library' }, 'docx'), undefined, database),
    );
    expect(response.fileName).toMatch(/\.docx$/);
    expect([...response.bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('exports a dossier with its chain only', async () => {
    const response = exported(
      await runReportJob(
        exportJob({ kind: 'dossier', pledgeId: ids.pledge! }),
        undefined,
        database,
      ),
    );
    expect(response.counts.items).toBe(2);
    expect(new TextDecoder().decode(response.bytes)).not.toContain('three public servants');
  });

  it('draws a dossier’s timeline, and asks the page for its PNG for Word only', async () => {
    // A 1×1 PNG: what the page would draw.
    const png = toByteArray(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    );
    const asked: string[] = [];
    const rasterise = async ({ svg }: { svg: string }) => (asked.push(svg), png);
    const dossier = { kind: 'dossier', pledgeId: ids.pledge! } as const;
    const markdown = exported(
      await runReportJob(exportJob(dossier), undefined, database, rasterise),
    );
    expect(new TextDecoder().decode(markdown.bytes)).toMatch(
      /^!\[Timeline of the pledge chain .+\]\(data:image\/svg\+xml;base64,/m,
    );
    expect(asked).toEqual([]);
    const docx = exported(
      await runReportJob(exportJob(dossier, 'docx'), undefined, database, rasterise),
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^<svg [^>]*role="img"/);
    const media = async (bytes: Uint8Array) =>
      Object.keys((await JSZip.loadAsync(bytes)).files).filter((n) => n.startsWith('word/media/'));
    expect(await media(docx.bytes)).toHaveLength(1);
    // A page that cannot draw it: the table alone.
    const failing = async () => Promise.reject(new Error('no canvas'));
    const tableOnly = exported(
      await runReportJob(exportJob(dossier, 'docx'), undefined, database, failing),
    );
    expect(await media(tableOnly.bytes)).toEqual([]);
  });

  it('fails with a reason when the scope names something no longer in the library', async () => {
    await expect(
      runReportJob(exportJob({ kind: 'dossier', pledgeId: 'gone' }), undefined, database),
    ).rejects.toThrow('The pledge of this dossier is no longer in the library.');
  });
});

describe('loadReportLibrary', () => {
  it('reads the texts of only the documents the scope can quote', async () => {
    const docs = await documentsRepo(database).list();
    const withText = async (scope: ReportScope) => {
      const library = await loadReportLibrary(scope, database);
      return docs
        .filter((d) => library.textOf(d.id) !== undefined)
        .map((d) => d.title.slice(0, 20));
    };
    expect(await withText({ kind: 'library' })).toHaveLength(3);
    expect(await withText({ kind: 'dossier', pledgeId: ids.pledge! })).toEqual([
      'Justice Minister Vow',
      'Complicit Officials ',
    ]);
    expect(await withText({ kind: 'filtered', annotationIds: [ids.unlinked!] })).toEqual([
      'Trafficking Court Fi',
    ]);
    const doc = docs[0]!;
    expect(await withText({ kind: 'document', docId: doc.id })).toEqual([doc.title.slice(0, 20)]);
    // Every record, annotation and link, whatever the scope.
    const library = await loadReportLibrary({ kind: 'document', docId: doc.id }, database);
    expect(library.documents).toHaveLength(docs.length);
    expect(library.annotations).toHaveLength(3);
    expect(library.links).toHaveLength(1);
  });
});

describe('the verify job', () => {
  it('reads an exported report back and finds every quote in place', async () => {
    for (const format of ['markdown', 'docx'] as const) {
      const report = exported(
        await runReportJob(exportJob({ kind: 'library' }, format), undefined, database),
      );
      const progress: ReportJobProgress[] = [];
      const response = await runReportJob(
        { kind: 'verify', name: report.fileName, bytes: report.bytes },
        (p) => progress.push(p),
        database,
      );
      if (response.kind !== 'verify') throw new Error('not a verification');
      expect(response.result.format).toBe(format);
      expect(response.result.quotes.map((q) => [q.outcome, q.quote])).toEqual(
        expect.arrayContaining([
          ['verified', 'Officials who collude with traffickers will be punished'],
          ['verified', 'complicit officials are never prosecuted'],
          ['verified', 'three public servants were convicted'],
        ]),
      );
      expect(response.result.quotes).toHaveLength(3);
      expect(progress.map((p) => p.phase)).toEqual(['reading', 'checking']);
    }
  });

  it('reads only the texts of the documents the report cites', async () => {
    const report = exported(
      await runReportJob(
        exportJob({ kind: 'dossier', pledgeId: ids.pledge! }),
        undefined,
        database,
      ),
    );
    const file = { name: report.fileName, bytes: report.bytes };
    const titles = new Map((await documentsRepo(database).list()).map((d) => [d.id, d.title]));
    const rounds: { asked: string[]; had: string[] }[] = [];
    const result = await verifyAgainstLibrary(
      file,
      async (f, library) => {
        const asked = new Set<string>();
        const had = new Set<string>();
        const spied = {
          ...library,
          textOf: (docId: string) => {
            const text = library.textOf(docId);
            asked.add(titles.get(docId)!.slice(0, 20));
            if (text) had.add(titles.get(docId)!.slice(0, 20));
            return text;
          },
        };
        const verified = await verifyReport(f, spied);
        rounds.push({ asked: [...asked].sort(), had: [...had].sort() });
        return verified;
      },
      database,
    );
    const cited = ['Complicit Officials ', 'Justice Minister Vow'];
    expect(rounds).toEqual([
      { asked: cited, had: [] },
      { asked: cited, had: cited },
    ]);
    expect(result.quotes.map((q) => q.outcome)).toEqual(['verified', 'verified']);
  });

  it('says why a file cannot be read', async () => {
    const bytes = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    await expect(
      runReportJob({ kind: 'verify', name: 'broken.docx', bytes }, undefined, database),
    ).rejects.toThrow(/.+/);
  });
});
