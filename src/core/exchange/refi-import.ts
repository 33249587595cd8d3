import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { decodeAsChosen } from '../ingest/decode';
import {
  PLEDGE_STATUSES,
  type DocumentMeta,
  type PledgeStatus,
  type Relation,
  RELATIONS,
  type Tag,
} from '../model';
import { codePointIndex } from '../text/code-points';
import { normaliseText } from '../text/normalise';
import { isTagName, timeOf, type ForeignAnnotation, type ForeignLink } from './foreign';

/**
 * Reads a REFI-QDA project (.qdpx) made by any QDA tool: its code tree, its text sources (from
 * `sources/` or inline) and their coded selections. Positions count code points of the source
 * text as stored; they are turned into offsets of the text as Dossier normalises it.
 */

export interface QdpxCode {
  guid: string;
  name: string;
  /** Names from the top of the tree down, joined by " / ". */
  path: string;
  color?: string;
  codable: boolean;
  /** Selections coded with it. */
  uses: number;
}

export interface QdpxSelection {
  guid: string;
  /** UTF-16 offsets in the normalised text. */
  start: number;
  end: number;
  codes: string[];
  note: string;
  description: string;
  createdAt: number;
  updatedAt: number;
}

export interface QdpxSource {
  guid: string;
  name: string;
  /** Normalised text (NFC, \n line ends), as a document's text. */
  text: string;
  meta: Partial<DocumentMeta>;
  selections: QdpxSelection[];
}

export interface QdpxProject {
  name: string;
  codes: QdpxCode[];
  sources: QdpxSource[];
  links: { origin: string; target: string; name: string }[];
  skipped: string[];
}

type Node = Record<string, unknown>;
const LISTS = new Set([
  'Code',
  'TextSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'Link',
  'User',
  'Set',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => LISTS.has(name),
});

const nodes = (v: unknown): Node[] =>
  Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : [];
const text = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string'
      ? ((v as Node)['#text'] as string)
      : '';
const attr = (n: Node, k: string): string | undefined =>
  typeof n[k] === 'string' ? (n[k] as string) : undefined;

/** Throws an Error whose message says what is wrong with the file. */
export function readQdpx(bytes: Uint8Array): QdpxProject {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('it is not a readable .qdpx (zip) file');
  }
  const qdeName =
    Object.keys(files).find((n) => n.toLowerCase().endsWith('project.qde')) ??
    Object.keys(files).find((n) => n.toLowerCase().endsWith('.qde'));
  const qde = qdeName ? files[qdeName] : undefined;
  if (!qde) throw new Error('it holds no project.qde');
  let doc: Node;
  try {
    doc = parser.parse(decodeXml(qde)) as Node;
  } catch (error) {
    throw new Error(
      `its project.qde is not well-formed XML (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  const project = nodes(doc.Project)[0];
  if (!project) throw new Error('its project.qde has no Project element');

  const codes: QdpxCode[] = [];
  const walk = (list: unknown, parents: string[]) => {
    for (const c of nodes(list)) {
      const name = attr(c, 'name') ?? '(unnamed code)';
      const guid = attr(c, 'guid');
      if (guid)
        codes.push({
          guid,
          name,
          path: [...parents, name].join(' / '),
          color: attr(c, 'color'),
          codable: attr(c, 'isCodable') !== 'false',
          uses: 0,
        });
      walk(c.Code, [...parents, name]);
    }
  };
  walk(nodes(nodes(nodes(project.CodeBook)[0]?.Codes)[0]?.Code), []);
  const codeUses = new Map(codes.map((c) => [c.guid, c]));

  const notes = new Map<string, string>();
  for (const n of nodes(nodes(project.Notes)[0]?.Note)) {
    const guid = attr(n, 'guid');
    if (guid) notes.set(guid, normaliseText(text(n.PlainTextContent)));
  }
  const skipped: string[] = [];
  const sourcesNode = nodes(project.Sources)[0] ?? {};
  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    for (const s of nodes(sourcesNode[kind]))
      skipped.push(
        `“${attr(s, 'name') ?? kind}”: ${kind.replace('Source', '').toLowerCase()} sources are not read, only text sources.`,
      );
  }
  const sources: QdpxSource[] = [];
  for (const s of nodes(sourcesNode.TextSource)) {
    const name = attr(s, 'name') ?? 'Untitled source';
    const raw = sourceText(s, files);
    if (raw === null) {
      skipped.push(`“${name}”: its text is missing from the project.`);
      continue;
    }
    const clean = normaliseText(raw);
    const map = codePointIndex(raw);
    const toClean = cleanOffsets(raw);
    const selections: QdpxSelection[] = [];
    for (const sel of nodes(s.PlainTextSelection)) {
      const start = Number(attr(sel, 'startPosition'));
      const end = Number(attr(sel, 'endPosition'));
      if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start || start < 0) {
        skipped.push(`A selection in “${name}” has no valid start and end.`);
        continue;
      }
      const codesOf = nodes(sel.Coding).flatMap((c) =>
        nodes(c.CodeRef).map((r) => attr(r, 'targetGUID') ?? ''),
      );
      for (const g of codesOf) {
        const code = codeUses.get(g);
        if (code) code.uses += 1;
      }
      const note = nodes(sel.NoteRef)
        .map((r) => notes.get(attr(r, 'targetGUID') ?? '') ?? '')
        .filter((t) => t !== '')
        .join('\n\n');
      selections.push({
        guid: attr(sel, 'guid') ?? `${name}-${start}-${end}`,
        start: toClean(map.toUtf16(start)),
        end: toClean(map.toUtf16(end)),
        codes: codesOf.filter((g) => codeUses.has(g)),
        note,
        description: normaliseText(text(sel.Description)),
        createdAt: timeOf(attr(sel, 'creationDateTime'), 0),
        updatedAt: timeOf(attr(sel, 'modifiedDateTime'), timeOf(attr(sel, 'creationDateTime'), 0)),
      });
    }
    sources.push({
      guid: attr(s, 'guid') ?? name,
      name,
      text: clean,
      meta: metaOf(text(s.Description)),
      selections,
    });
  }
  const links = nodes(nodes(project.Links)[0]?.Link).flatMap((l) => {
    const origin = attr(l, 'originGUID');
    const target = attr(l, 'targetGUID');
    return origin && target ? [{ origin, target, name: attr(l, 'name') ?? '' }] : [];
  });
  return { name: attr(project, 'name') ?? 'Project', codes, sources, links, skipped };
}

/** The XML's own declaration names its encoding; a byte-order mark overrides it. */
function decodeXml(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function sourceText(s: Node, files: Record<string, Uint8Array>): string | null {
  const inline = text(s.PlainTextContent);
  if (inline) return inline;
  const path = attr(s, 'plainTextPath');
  if (!path) return null;
  const wanted = path.replace(/^internal:\/\//, '').replace(/^\/+/, '');
  const name = Object.keys(files).find(
    (n) => n === `sources/${wanted}` || n.endsWith(`/${wanted}`) || n === wanted,
  );
  const bytes = name ? files[name] : undefined;
  if (!bytes) return null;
  // The standard asks for UTF-8 sources; a byte-order mark is still honoured.
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  const decoded = decodeAsChosen(bytes, utf16);
  return decoded.ok ? decoded.text : null;
}

/** Offsets of the raw text → offsets of its normalised form (no BOM, \r\n and \r as \n). */
function cleanOffsets(raw: string): (offset: number) => number {
  const removed: number[] = [];
  if (raw.startsWith('\uFEFF')) removed.push(0);
  for (let i = 0; i < raw.length; i += 1)
    if (raw[i] === '\r' && raw[i + 1] === '\n') removed.push(i);
  return (offset) => {
    let lo = 0;
    let hi = removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((removed[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}

function metaOf(description: string): Partial<DocumentMeta> {
  const meta: Partial<DocumentMeta> = {};
  for (const line of description.split('\n')) {
    const m = /^(Source|Date|Author|URL):\s*(.+)$/.exec(line.trim());
    if (!m?.[2]) continue;
    const value = m[2].trim();
    if (m[1] === 'Source') meta.source = value;
    if (m[1] === 'Author') meta.author = value;
    if (m[1] === 'URL') meta.url = value;
    if (m[1] === 'Date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) meta.date = value;
  }
  return meta;
}

/** What the analyst chose for each code: a tag, a label, or nothing. */
export type CodeChoice = Tag | 'label' | 'ignore';

/** A first guess: codes named like a tag become it, others become labels. */
export function defaultCodeChoices(codes: readonly QdpxCode[]): Record<string, CodeChoice> {
  const out: Record<string, CodeChoice> = {};
  for (const c of codes) {
    const n = c.name.trim().toLowerCase();
    const tag = isTagName(n)
      ? n
      : n === 'pledges'
        ? 'pledge'
        : n === 'critiques'
          ? 'critique'
          : null;
    out[c.guid] = tag ?? (c.codable ? 'label' : 'ignore');
  }
  return out;
}

/**
 * The project's selections as foreign annotations on its sources (doc hint key = source guid),
 * coded as chosen: the first code chosen as a tag is the tag; codes chosen as labels become
 * labels (by name). Dossier's own fields are read back from the selection's description.
 */
export function qdpxAnnotations(
  project: QdpxProject,
  choices: Readonly<Record<string, CodeChoice>>,
): { annotations: ForeignAnnotation[]; links: ForeignLink[] } {
  const byGuid = new Map(project.codes.map((c) => [c.guid, c]));
  const annotations: ForeignAnnotation[] = [];
  for (const source of project.sources) {
    for (const sel of source.selections) {
      const picked = sel.codes.map((g) => ({
        code: byGuid.get(g),
        choice: choices[g] ?? 'ignore',
      }));
      const tag =
        picked.map((p) => p.choice).find((c): c is Tag => c !== 'label' && c !== 'ignore') ?? null;
      const labels = [
        ...new Set(
          picked.filter((p) => p.choice === 'label' && p.code).map((p) => p.code?.name ?? ''),
        ),
      ];
      const exact = source.text.slice(sel.start, sel.end);
      if (exact.trim() === '') continue;
      const a: ForeignAnnotation = {
        id: `qdpx:${sel.guid}`,
        doc: { key: source.guid, title: source.name },
        tag,
        labels,
        note: sel.note,
        quote: {
          exact,
          prefix: source.text.slice(Math.max(0, sel.start - 32), sel.start),
          suffix: source.text.slice(sel.end, sel.end + 32),
        },
        position: { start: sel.start, end: sel.end, unit: 'utf-16' },
        createdAt: sel.createdAt,
        updatedAt: sel.updatedAt,
      };
      readDescription(sel.description, a);
      annotations.push(a);
    }
  }
  const links: ForeignLink[] = project.links.flatMap((l, i) => {
    const relation = RELATIONS.find((r) => r === l.name.trim().toLowerCase()) as
      Relation | undefined;
    return relation
      ? [
          {
            id: `qdpx-link-${i}-${l.origin}`,
            fromId: `qdpx:${l.origin}`,
            toId: `qdpx:${l.target}`,
            relation,
            createdAt: 0,
          },
        ]
      : [];
  });
  return { annotations, links };
}

function readDescription(description: string, a: ForeignAnnotation) {
  for (const line of description.split('\n')) {
    const m = /^(Actor|Statement date|Status):\s*(.+)$/.exec(line.trim());
    if (!m?.[2]) continue;
    if (m[1] === 'Actor') a.actor = m[2].trim();
    if (m[1] === 'Statement date' && /^\d{4}-\d{2}-\d{2}$/.test(m[2].trim()))
      a.statementDate = m[2].trim();
    if (m[1] === 'Status') {
      const [label, ...rest] = m[2].split(' — ');
      const status = PLEDGE_STATUSES.find(
        (s) => s === label?.trim().toLowerCase().replace(/ /g, '-'),
      ) as PledgeStatus | undefined;
      if (status) {
        a.status = status;
        a.rationale = rest.join(' — ').trim();
      }
    }
  }
}
