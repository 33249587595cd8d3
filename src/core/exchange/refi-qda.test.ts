import { readFileSync, readdirSync } from 'node:fs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { qdeErrors } from '../../../tests/refi-qda-schema';
import { parsedSamples } from '../../../tests/samples';
import { describeRange } from '../anchoring';
import type { Annotation, AnnotationLink, Tag } from '../model';
import { placeAnnotations } from './place';
import { toQdpx, type QdpxDoc } from './refi-export';
import { defaultCodeChoices, qdpxAnnotations, readQdpx } from './refi-import';

const FIXTURE = new URL('../../../tests/fixtures/exchange/other-tool-qdpx/', import.meta.url);

/** The hand-written project of "another tool", zipped as a .qdpx. */
function otherToolQdpx(): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'project.qde': new Uint8Array(readFileSync(new URL('project.qde', FIXTURE))),
  };
  for (const name of readdirSync(new URL('sources/', FIXTURE))) {
    files[`sources/${name}`] = new Uint8Array(readFileSync(new URL(`sources/${name}`, FIXTURE)));
  }
  return zipSync(files);
}

let docs: QdpxDoc[] = [];
const annotations: Annotation[] = [];
let links: AnnotationLink[] = [];
let guid = 0;
const newGuid = () => `00000000-0000-4000-8000-${String(++guid).padStart(12, '0')}`;

function annotate(title: RegExp, phrase: string, tag: Tag, extra: Partial<Annotation> = {}) {
  const doc = docs.find((d) => title.test(d.record.title));
  const start = doc?.text.indexOf(phrase) ?? -1;
  if (!doc || start < 0) throw new Error(`“${phrase}” not found`);
  const a: Annotation = {
    id: newGuid(),
    docId: doc.record.id,
    tag,
    note: '',
    target: {
      contentHash: doc.record.contentHash,
      selectors: [...describeRange(doc.text, { start, end: start + phrase.length })],
    },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...extra,
  };
  annotations.push(a);
  return a;
}

beforeAll(async () => {
  const samples = await parsedSamples();
  docs = samples.map((d, i) => ({
    record: {
      id: d.id,
      title: d.title,
      source: d.source,
      date: d.date,
      author: d.author,
      url: d.url,
      contentHash: String(i).padStart(64, '0'),
      importedAt: 1_700_000_000_000,
    },
    text: d.text,
  }));
  docs.push({
    record: {
      id: 'astral',
      title: 'Patrol log 🚢',
      source: null,
      date: null,
      author: null,
      url: null,
      contentHash: 'f'.repeat(64),
      importedAt: 1,
    },
    text: 'Harbour patrol log 🚢 week 12\n\nThe minister pledged “shelters in every province by 2012” 🏠 and 𠀀 the log records none.',
  });
  const pledge = annotate(
    /Justice Minister Vows/,
    'Officials who collude with traffickers will be punished',
    'pledge',
    {
      actor: 'Justice Minister',
      labels: ['justice'],
      status: 'broken',
      rationale: 'No senior official convicted by 2015.',
      note: 'The promise every later dossier returns to.',
    },
  );
  const critique = annotate(
    /Complicit Officials/,
    'complicit officials are never prosecuted',
    'critique',
    { labels: ['justice', 'op-ed'] },
  );
  const repeat = annotate(
    /Prime Minister Repeats/,
    'Officials who collude with traffickers will be punished',
    'pledge',
  );
  annotate(/Patrol log/, 'shelters in every province by 2012” 🏠 and 𠀀 the log', 'evidence');
  links = [
    { id: 'l1', fromId: critique.id, toId: pledge.id, relation: 'contradicts', createdAt: 1 },
    { id: 'l2', fromId: repeat.id, toId: pledge.id, relation: 'repeats', createdAt: 1 },
  ];
});

const exportAll = () =>
  toQdpx(docs, annotations, links, {
    projectName: 'Valdoria pledges',
    appVersion: '0.1.0',
    now: 1_800_000_000_000,
    newGuid,
  });

describe('REFI-QDA export', () => {
  it('writes a project.qde that the standard’s schema accepts', () => {
    const { qde, unplaced } = exportAll();
    expect(unplaced).toBe(0);
    expect(qdeErrors(qde)).toEqual([]);
    expect(qde).toContain('name="Pledge" isCodable="true" color="#f5d76e"');
    expect(qde).toMatch(/<Link [^>]*name="contradicts"/);
    expect(qde).toMatch(/<Set [^>]*name="Pledge: Officials who collude/);
    expect(qde).toMatch(/<Code [^>]*name="Labels" isCodable="false"><Code [^>]*name="justice"/);
  });

  it('is caught by the schema when broken', () => {
    const { qde } = exportAll();
    expect(qdeErrors(qde.replace('isCodable="true"', 'isCodable="maybe"')).length).toBeGreaterThan(
      0,
    );
  });

  it('counts selection offsets in code points of the source text in sources/', () => {
    const project = readQdpx(exportAll().bytes);
    const astral = project.sources.find((s) => s.name === 'Patrol log 🚢');
    const sel = astral?.selections[0];
    expect(astral && sel && astral.text.slice(sel.start, sel.end)).toBe(
      'shelters in every province by 2012” 🏠 and 𠀀 the log',
    );
    const qde = exportAll().qde;
    const start = /startPosition="(\d+)"/.exec(qde.slice(qde.indexOf('Patrol log')))?.[1];
    const text = docs.at(-1)?.text ?? '';
    expect(Number(start)).toBe([...text.slice(0, text.indexOf('shelters in every'))].length);
  });

  it('round trip: importing the export gives the same annotations at the same places', () => {
    const project = readQdpx(exportAll().bytes);
    const read = qdpxAnnotations(project, defaultCodeChoices(project.codes));
    const sources = new Map(project.sources.map((s) => [s.guid, s]));
    const placed = placeAnnotations(
      read.annotations,
      (hint) => {
        const s = sources.get(hint.key);
        return s && { id: s.guid, contentHash: 'x', title: s.name, url: null, text: s.text };
      },
      { now: 1, defaultTag: 'evidence' },
    );
    expect(placed.review).toBe(0);
    const view = (a: Annotation, text: string) => {
      const pos = a.target.selectors.find((s) => s.type === 'TextPositionSelector');
      return {
        tag: a.tag,
        labels: a.labels,
        note: a.note,
        actor: a.actor,
        status: a.status,
        rationale: a.rationale,
        at: pos && [pos.start, pos.end],
        quote: pos && text.slice(pos.start, pos.end),
      };
    };
    const textOf = (docId: string) => docs.find((d) => d.record.id === docId)?.text ?? '';
    const sourceText = (id: string) => sources.get(id)?.text ?? '';
    expect(placed.annotations.map((a) => view(a, sourceText(a.docId)))).toEqual(
      annotations.map((a) => view(a, textOf(a.docId))),
    );
    expect(read.links.map((l) => l.relation).sort()).toEqual(['contradicts', 'repeats']);
  });
});

describe('REFI-QDA import of another tool’s project', () => {
  it('the fixture itself is valid against the schema', () => {
    expect(qdeErrors(new Uint8Array(readFileSync(new URL('project.qde', FIXTURE))))).toEqual([]);
  });

  it('reads nested codes with colours, UTF-16 and inline sources, notes and links', () => {
    const project = readQdpx(otherToolQdpx());
    expect(project.name).toBe('Shelter promises (café interviews)');
    expect(project.codes.map((c) => c.path)).toEqual([
      'Commitments',
      'Commitments / Pledge',
      'Findings',
      'Findings / Budget cuts',
      'Critique',
      'Caseworker voice (résumé)',
    ]);
    expect(project.codes.find((c) => c.name === 'Pledge')?.color).toBe('#FFCC00');
    expect(project.skipped).toEqual([
      expect.stringMatching(/Photo of the closed shelter.*picture/),
    ]);
    const minutes = project.sources.find((s) => s.name === 'Council minutes, Port Serein');
    expect(minutes?.meta.date).toBe('2016-09-12');
    expect(minutes?.text).not.toContain('\r');
    const quotes = minutes?.selections.map((s) => minutes.text.slice(s.start, s.end));
    expect(quotes).toEqual([
      'promised to reopen the shelter on Quay Street by June',
      'Inspectors found the shelter still closed in August 😞',
      'the budget line was cut',
      'the promise was empty',
    ]);
    const interview = project.sources.find((s) => s.name === 'Caseworker interview');
    const sel = interview?.selections[0];
    expect(interview && sel && interview.text.slice(sel.start, sel.end)).toBe(
      'We were told there would be twelve shelters. I have seen two.',
    );
  });

  it('maps codes as the analyst chose: tags, labels, or nothing', () => {
    const project = readQdpx(otherToolQdpx());
    const guidOf = (name: string) => project.codes.find((c) => c.name === name)?.guid ?? '';
    const choices = defaultCodeChoices(project.codes);
    expect(choices[guidOf('Pledge')]).toBe('pledge');
    expect(choices[guidOf('Critique')]).toBe('critique');
    expect(choices[guidOf('Commitments')]).toBe('ignore');
    choices[guidOf('Findings')] = 'evidence';
    const { annotations: read, links: readLinks } = qdpxAnnotations(project, choices);
    expect(read.map((a) => [a.tag, a.labels])).toEqual([
      ['pledge', []],
      ['evidence', []],
      ['evidence', ['Budget cuts']],
      ['critique', []],
      ['evidence', ['Caseworker voice (résumé)']],
    ]);
    expect(read[0]?.note).toBe('Third time this promise is made; check the 2014 minutes.');
    expect(readLinks).toEqual([
      expect.objectContaining({ relation: 'supports', fromId: read[1]?.id, toId: read[0]?.id }),
    ]);
  });

  it('refuses a file that is not a project, saying why', () => {
    expect(() => readQdpx(new TextEncoder().encode('hello'))).toThrow(/not a readable .qdpx/);
    expect(() => readQdpx(zipSync({ 'notes.txt': new Uint8Array([65]) }))).toThrow(
      /no project.qde/,
    );
  });
});
