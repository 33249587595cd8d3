import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeRange } from '../src/core/anchoring';
import { buildReport } from '../src/core/export/build-report';
import type {
  Citation,
  Report,
  ReportArrangement,
  ReportItem,
  ReportLibrary,
  ReportText,
} from '../src/core/export/report-types';
import { ingestFile } from '../src/core/ingest';
import type {
  Annotation,
  AnnotationLink,
  DocumentRecord,
  ParsedDocument,
  Relation,
  Selector,
  Tag,
} from '../src/core/model';
import { pageOfOffset } from '../src/core/pdf-text-map/pdf-text-map';
import { nodePdfEngine } from './pdf-engine';
import { sampleFiles, type SampleFile } from './samples';

export const EXPORT_FIXTURES = fileURLToPath(new URL('./fixtures/export/', import.meta.url));

/** Fixtures beside the samples: emoji and other astral characters with Windows line ends, and hostile metadata. */
export function exportFixtures(): SampleFile[] {
  return ['astral-crlf.txt', 'hostile-metadata.txt'].map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(EXPORT_FIXTURES + name)),
  }));
}

export const XSS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert("x")</script>',
  js: 'javascript:alert(1)',
  hyperlink: '=HYPERLINK("http://x","y")',
} as const;

export interface LibraryDoc {
  record: DocumentRecord;
  content: ReportText;
}

/** A document as the import stores it: the parsed file with its record and SHA-256. */
export async function importedDoc(file: SampleFile, importedAt = 1): Promise<LibraryDoc> {
  const result = await ingestFile(file.name, file.bytes, { pdf: nodePdfEngine });
  if (result.status !== 'ok') throw new Error(`${file.name}: ${result.reason}`);
  return docOf(file, result.doc, importedAt);
}

export function docOf(file: SampleFile, parsed: ParsedDocument, importedAt = 1): LibraryDoc {
  const { title, source, date, author, url, language, format, text, pages, flags } = parsed;
  const meta = { title, source, date, author, url, language, format };
  return {
    record: {
      ...meta,
      id: `doc:${file.name}`,
      fileName: file.name,
      filePath: file.name,
      contentHash: createHash('sha256').update(file.bytes).digest('hex'),
      byteLength: file.bytes.byteLength,
      textLength: text.length,
      importedAt,
      ...(pages ? { pageCount: pages.length } : {}),
      ...(flags ? { flags } : {}),
    },
    content: { text, ...(pages ? { pages } : {}) },
  };
}

/** An in-memory library: documents, their texts, and annotations and links made on them. */
export class TestLibrary implements ReportLibrary {
  readonly docs = new Map<string, LibraryDoc>();
  annotations: Annotation[] = [];
  links: AnnotationLink[] = [];
  private seq = 0;

  get documents(): DocumentRecord[] {
    return [...this.docs.values()].map((d) => d.record);
  }

  textOf(docId: string): ReportText | undefined {
    return this.docs.get(docId)?.content;
  }

  add(doc: LibraryDoc): DocumentRecord {
    this.docs.set(doc.record.id, doc);
    return doc.record;
  }

  doc(fileNameStart: string): LibraryDoc {
    const found = [...this.docs.values()].find((d) => d.record.fileName.startsWith(fileNameStart));
    if (!found) throw new Error(`no document ${fileNameStart}`);
    return found;
  }

  /** Tags the first occurrence of `phrase` (after `after`, if given), as the reader does. */
  annotate(
    fileNameStart: string,
    phrase: string,
    tag: Tag,
    extra: Partial<Annotation> = {},
    after = 0,
  ): Annotation {
    const { record, content } = this.doc(fileNameStart);
    const start = content.text.indexOf(phrase, after);
    if (start < 0) throw new Error(`"${phrase}" is not in ${record.fileName}`);
    const selectors: Selector[] = describeRange(content.text, {
      start,
      end: start + phrase.length,
    });
    if (content.pages?.length) {
      selectors.push({ type: 'PageSelector', index: pageOfOffset(content.pages, start) });
    }
    this.seq += 1;
    const annotation: Annotation = {
      id: `ann-${this.seq}`,
      docId: record.id,
      tag,
      note: '',
      target: { contentHash: record.contentHash, selectors },
      createdAt: this.seq,
      updatedAt: this.seq,
      ...extra,
    };
    this.annotations.push(annotation);
    return annotation;
  }

  link(from: Annotation, to: Annotation, relation: Relation): AnnotationLink {
    this.seq += 1;
    const link = {
      id: `link-${this.seq}`,
      fromId: from.id,
      toId: to.id,
      relation,
      createdAt: this.seq,
    };
    this.links.push(link);
    return link;
  }
}

/** The bundled samples and the export fixtures, imported into a fresh in-memory library. */
export async function sampleLibrary(): Promise<TestLibrary> {
  const library = new TestLibrary();
  for (const file of [...sampleFiles(), ...exportFixtures()]) library.add(await importedDoc(file));
  return library;
}

/**
 * The samples tagged as an analyst would: two pledge chains (a promise repeated years later)
 * with the evidence and critiques linked to them, quotes in a PDF's later pages, a quote with
 * emoji and astral characters across a paragraph break, and a document and annotation whose
 * every field holds markup, a script URL or a formula.
 */
export async function annotatedLibrary(): Promise<TestLibrary> {
  const lib = await sampleLibrary();
  const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
  const p1 = lib.annotate(
    '2008-03-14',
    'Officials who collude with traffickers will be punished, whatever their rank',
    'pledge',
    {
      actor: 'Teodor Malvane',
      note: 'First time the minister makes this promise.',
      status: 'broken',
      rationale: 'No official convicted of trafficking by 2016',
      statusHistory: [
        { status: 'open', rationale: 'Just made', at: day('2008-03-20') },
        {
          status: 'broken',
          rationale: 'No official convicted of trafficking by 2016',
          at: day('2016-04-12'),
        },
      ],
      labels: ['complicity', 'justice'],
    },
  );
  const p2 = lib.annotate(
    '2015-01-20',
    'Officials who collude with traffickers will be punished, whatever their rank or their connections',
    'pledge',
    { actor: 'Ilse Varenko', status: 'open', rationale: 'New plan, 2015–2018' },
  );
  lib.link(p2, p1, 'repeats');
  const e1 = lib.annotate(
    '2009-06-18',
    'convicted on Wednesday by the Port Serein Municipal Court, but of negligence',
    'evidence',
    {
      labels: ['courts'],
    },
  );
  lib.link(e1, p1, 'contradicts');
  const c1 = lib.annotate(
    '2012-02-09',
    'In my experience, complicit officials are never prosecuted.',
    'critique',
    {
      actor: 'Former deputy prosecutor',
      note: 'Anonymous op-ed.\nThe author worked in Tarsk province for eleven years.',
    },
  );
  lib.link(c1, p1, 'contradicts');
  const e2 = lib.annotate(
    '2015-09-03',
    'three public servants were convicted in connection with trafficking over the two years',
    'evidence',
  );
  lib.link(e2, p2, 'supports');

  const p3 = lib.annotate(
    '2008-09-22',
    'open a shelter for victims of human trafficking in every province of the Republic by December 2010',
    'pledge',
    { actor: 'Renata Osterby', status: 'partly-kept', rationale: 'Five of twelve by 2014' },
  );
  const p4 = lib.annotate(
    '2015-03-11',
    'Six specialised shelters will open by 31 December 2015',
    'pledge',
    {
      actor: 'Ministry of the Interior',
    },
  );
  lib.link(p4, p3, 'repeats');
  const e3 = lib.annotate(
    '2014-11-19',
    'five shelters were operating, two of them only in part',
    'evidence',
  );
  lib.link(e3, p3, 'contradicts');
  const e4 = lib.annotate(
    '2014-11-19',
    "The ministry's annual report counts beds that exist only on paper.",
    'critique',
  );
  lib.link(e4, p3, 'contradicts');
  const e5 = lib.annotate('2016-02-11', 'Only two of the six shelters', 'evidence');
  lib.link(e5, p4, 'contradicts');
  lib.link(e5, p3, 'contradicts');

  lib.annotate(
    '2016-04-11',
    'The promises have been repeated almost word for word in every year since.',
    'critique',
    {
      labels: ['scorecard'],
    },
  );
  lib.annotate('astral-crlf', 'a chant in old script: 𝔗𝔞𝔯𝔰𝔨 𝔣𝔯𝔢𝔢.', 'evidence', {
    actor: 'Fishermen of Tarsk 🎣',
  });
  lib.annotate(
    'astral-crlf',
    '"We were promised shelters in 2008 🏠, and we are still waiting," said one of the women.\n\nThe minister replied',
    'critique',
  );
  lib.annotate(
    'hostile-metadata',
    '<script>alert(6)</script> no shelter inspections took place',
    'evidence',
    {
      actor: XSS.img,
      labels: [XSS.script, XSS.js],
      note: `${XSS.hyperlink}\n# Not a heading\n${XSS.img} and ${XSS.script}\n- not a list\n[click](${XSS.js})`,
    },
  );
  lib.annotate('hostile-metadata', 'Inspectors will visit every shelter twice a year', 'pledge', {
    actor: '@SUM(1+1)*cmd|" /C calc"!A0',
    status: 'unclear',
    rationale: `+${XSS.js}`,
    note: '-2+3',
  });
  return lib;
}

export const REPORT_DATE = new Date('2026-11-22T10:30:00Z');

/** The whole annotated library's report in one arrangement, as the tests of each format use it. */
export function libraryReport(lib: TestLibrary, arrangement: ReportArrangement): Report {
  return buildReport(lib, { scope: { kind: 'library' }, arrangement, generatedAt: REPORT_DATE });
}

/** Every quote of a report in the order written: under the headings, then the unverified. */
export function reportItems(report: Report): ReportItem[] {
  return [...report.sections.flatMap((s) => s.items), ...report.unverified];
}

/** What a citation code carries. */
export function tokenOf(c: Citation) {
  return { sha256: c.sha256, start: c.start, end: c.end, page: c.page, fileName: c.fileName };
}
