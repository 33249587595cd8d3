import { strToU8, zipSync } from 'fflate';
import { anchor } from '../anchoring/anchor';
import { quoteSelectorOf } from '../anchoring/selectors';
import { buildDossier } from '../annotations/dossier';
import {
  PLEDGE_STATUS_LABELS,
  TAG_LABELS,
  TAGS,
  type Annotation,
  type AnnotationLink,
  type DocumentRecord,
  type Tag,
} from '../model';
import { codePointIndex } from '../text/code-points';
import { el, textEl } from './xml';

/**
 * A REFI-QDA project (.qdpx, REFI-QDA 1.5, schema urn:QDA-XML:project:1.0): `project.qde` and
 * each document's plain text in `sources/`. Codes pledge, evidence and critique (labels are
 * codes under "Labels"); each annotation a PlainTextSelection in code points with its codings
 * and its note as a Note; links as Link elements named by relation; each pledge chain a Set.
 */
export const QDPX_MIME = 'application/zip';
export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

export const TAG_COLOURS: Record<Tag, string> = {
  pledge: '#f5d76e',
  evidence: '#9fd8b3',
  critique: '#f4a9a0',
};
const LABELS_CODE = 'Labels';

export interface QdpxDoc {
  record: Pick<
    DocumentRecord,
    'id' | 'title' | 'source' | 'date' | 'author' | 'url' | 'contentHash' | 'importedAt'
  >;
  text: string;
}

export interface QdpxOptions {
  projectName: string;
  appVersion: string;
  now: number;
  newGuid: () => string;
}

export interface QdpxResult {
  bytes: Uint8Array;
  /** The project file alone, for validation. */
  qde: string;
  /** Annotations left out because their passage is not in the document's current text. */
  unplaced: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function toQdpx(
  docs: readonly QdpxDoc[],
  annotations: readonly Annotation[],
  links: readonly AnnotationLink[],
  options: QdpxOptions,
): QdpxResult {
  // Dossier's ids are UUIDs already; anything else gets a fresh GUID, as the schema requires.
  const guids = new Map<string, string>();
  const guidOf = (key: string) => {
    let g = guids.get(key);
    if (!g) guids.set(key, (g = UUID.test(key) ? key : options.newGuid()));
    return g;
  };
  const user = options.newGuid();
  const codeGuid = (tag: Tag) => guidOf(`code:${tag}`);
  const labelGuid = (label: string) => guidOf(`label:${label}`);
  const labels = [...new Set(annotations.flatMap((a) => a.labels ?? []))].sort((a, b) =>
    a.localeCompare(b),
  );

  const codes = TAGS.map((tag) =>
    el(
      'Code',
      { guid: codeGuid(tag), name: TAG_LABELS[tag], isCodable: 'true', color: TAG_COLOURS[tag] },
      [textEl('Description', `Dossier tag: ${tag}`)],
    ),
  );
  if (labels.length > 0) {
    codes.push(
      el(
        'Code',
        { guid: guidOf(`code:${LABELS_CODE}`), name: LABELS_CODE, isCodable: 'false' },
        labels.map((l) => el('Code', { guid: labelGuid(l), name: l, isCodable: 'true' })),
      ),
    );
  }

  const files: Record<string, Uint8Array> = {};
  const notes: string[] = [];
  const selectionOf = new Map<string, string>();
  const placedIds = new Set<string>();
  let unplaced = 0;
  const sources = docs.map((doc) => {
    const sourceGuid = guidOf(`source:${doc.record.id}`);
    files[`sources/${sourceGuid}.txt`] = strToU8(doc.text);
    const map = codePointIndex(doc.text);
    const selections: string[] = [];
    const own = annotations.filter((a) => a.docId === doc.record.id);
    for (const a of own) {
      const found = anchor(doc.text, a.target.selectors);
      if (!found) {
        unplaced += 1;
        continue;
      }
      const guid = guidOf(a.id);
      selectionOf.set(a.id, guid);
      placedIds.add(a.id);
      const codings = [codeGuid(a.tag), ...(a.labels ?? []).map(labelGuid)].map((target) =>
        el(
          'Coding',
          { guid: options.newGuid(), creatingUser: user, creationDateTime: iso(a.createdAt) },
          [el('CodeRef', { targetGUID: target })],
        ),
      );
      const children = [textEl('Description', describeAnnotation(a)), ...codings];
      if (a.note.trim() !== '') {
        const noteGuid = guidOf(`note:${a.id}`);
        notes.push(
          el(
            'Note',
            {
              guid: noteGuid,
              name: `Note on “${short(quoteSelectorOf(a.target.selectors)?.exact ?? '')}”`,
              creatingUser: user,
              creationDateTime: iso(a.createdAt),
              modifiedDateTime: iso(a.updatedAt),
            },
            [textEl('PlainTextContent', a.note)],
          ),
        );
        children.push(el('NoteRef', { targetGUID: noteGuid }));
      }
      selections.push(
        el(
          'PlainTextSelection',
          {
            guid,
            name: short(doc.text.slice(found.start, found.end)),
            startPosition: map.toCodePoints(found.start),
            endPosition: map.toCodePoints(found.end),
            creatingUser: user,
            creationDateTime: iso(a.createdAt),
            modifyingUser: user,
            modifiedDateTime: iso(a.updatedAt),
          },
          children,
        ),
      );
    }
    return el(
      'TextSource',
      {
        guid: sourceGuid,
        name: doc.record.title,
        plainTextPath: `internal://${sourceGuid}.txt`,
        creatingUser: user,
        creationDateTime: iso(doc.record.importedAt),
      },
      [textEl('Description', describeDoc(doc.record)), ...selections],
    );
  });

  const linkEls = links
    .filter((l) => selectionOf.has(l.fromId) && selectionOf.has(l.toId))
    .map((l) =>
      el('Link', {
        guid: guidOf(`link:${l.id}`),
        name: l.relation,
        direction: 'OneWay',
        originGUID: selectionOf.get(l.fromId),
        targetGUID: selectionOf.get(l.toId),
      }),
    );
  const sets = pledgeChains(
    annotations.filter((a) => placedIds.has(a.id)),
    links,
    docs,
  ).map((chain) =>
    el('Set', { guid: options.newGuid(), name: `Pledge: ${short(chain.title)}` }, [
      textEl('Description', chain.lines.join('\n')),
      ...chain.sources.map((id) => el('MemberSource', { targetGUID: guidOf(`source:${id}`) })),
      ...chain.notes
        .filter((id) => guids.has(`note:${id}`))
        .map((id) => el('MemberNote', { targetGUID: guidOf(`note:${id}`) })),
    ]),
  );

  const project = el(
    'Project',
    {
      xmlns: QDE_NAMESPACE,
      name: options.projectName,
      origin: `Dossier ${options.appVersion}`,
      creatingUserGUID: user,
      creationDateTime: iso(options.now),
    },
    [
      el('Users', {}, [el('User', { guid: user, name: 'Dossier' })]),
      el('CodeBook', {}, [el('Codes', {}, codes)]),
      ...(sources.length ? [el('Sources', {}, sources)] : []),
      ...(notes.length ? [el('Notes', {}, notes)] : []),
      ...(linkEls.length ? [el('Links', {}, linkEls)] : []),
      ...(sets.length ? [el('Sets', {}, sets)] : []),
    ],
  );
  const qde = `<?xml version="1.0" encoding="utf-8"?>\n${project}\n`;
  files['project.qde'] = strToU8(qde);
  return { bytes: zipSync(files, { level: 6 }), qde, unplaced };
}

/** Dossier's own fields, one per line, so a person reading the project sees them. */
function describeAnnotation(a: Annotation): string {
  const lines = [`Tag: ${a.tag}`];
  if (a.actor) lines.push(`Actor: ${a.actor}`);
  if (a.statementDate) lines.push(`Statement date: ${a.statementDate}`);
  if (a.status)
    lines.push(
      `Status: ${PLEDGE_STATUS_LABELS[a.status]}${a.rationale ? ` — ${a.rationale}` : ''}`,
    );
  return lines.join('\n');
}

function describeDoc(r: QdpxDoc['record']): string {
  const lines: string[] = [];
  if (r.source) lines.push(`Source: ${r.source}`);
  if (r.date) lines.push(`Date: ${r.date}`);
  if (r.author) lines.push(`Author: ${r.author}`);
  if (r.url) lines.push(`URL: ${r.url}`);
  lines.push(`SHA-256 of the original file: ${r.contentHash}`);
  return lines.join('\n');
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 77)}…` : one;
}

/** Each pledge with everything linked to it (through repeats too), once per chain. */
function pledgeChains(
  annotations: readonly Annotation[],
  links: readonly AnnotationLink[],
  docs: readonly QdpxDoc[],
) {
  const docInfo = docs.map((d) => ({
    id: d.record.id,
    title: d.record.title,
    date: d.record.date,
  }));
  const seen = new Set<string>();
  const chains: { title: string; lines: string[]; sources: string[]; notes: string[] }[] = [];
  for (const pledge of annotations.filter((a) => a.tag === 'pledge')) {
    const dossier = buildDossier(pledge.id, annotations, links, docInfo);
    if (!dossier || dossier.items.length < 2) continue;
    const key = dossier.items
      .map((i) => i.annotation.id)
      .sort()
      .join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    chains.push({
      title: quoteSelectorOf(pledge.target.selectors)?.exact ?? pledge.id,
      lines: dossier.items.map(
        (i) =>
          `${i.date ?? 'undated'} ${i.annotation.tag}${i.relation ? ` (${i.relation})` : ''}: ${short(quoteSelectorOf(i.annotation.target.selectors)?.exact ?? '')}`,
      ),
      sources: [...new Set(dossier.items.map((i) => i.annotation.docId))],
      notes: dossier.items.map((i) => i.annotation.id),
    });
  }
  return chains;
}
