import { Readability } from '@mozilla/readability';
// The worker build is one self-contained ES module: it runs in Node and in a module Web
// Worker alike, where the main entry's optional `require('canvas')` cannot be bundled.
import { parseHTML } from 'linkedom/worker';
import type { ParsedDocument } from '../model';
import { collapseWhitespace, normaliseText } from '../text/normalise';
import {
  assembleBlocks,
  BYLINE_LINES,
  resolveMeta,
  type DraftBlock,
  type Headers,
} from './document';
import { htmlBlocks, type DomNode } from './html-blocks';
import { decodeHtml } from './html-decode';
import { readHtmlMeta, type HtmlMeta } from './html-meta';
import type { IngestResult } from './result';

/**
 * Below this many characters of article text, Readability's pick is treated as a miss (a
 * caption, a teaser) and the whole page minus its chrome is read instead.
 */
const MIN_ARTICLE_CHARS = 250;

/**
 * Reads a saved web page as text. The page is parsed into an inert DOM (linkedom) that never
 * runs scripts, loads resources or follows <base>/<meta refresh>; only text is taken out.
 */
export async function parseHtmlFile(
  bytes: Uint8Array,
  fileName: string,
  encoding?: string,
): Promise<IngestResult> {
  const decoded = await decodeHtml(bytes, encoding);
  if (!decoded.ok) return { status: decoded.status, reason: decoded.reason };
  const html = normaliseText(decoded.text);
  if (!/\S/.test(html)) return { status: 'failed', reason: 'file is empty' };
  const readAs = { encoding: decoded.encoding, how: decoded.how };
  return { status: 'ok', doc: { ...parseHtmlDocument(html, fileName), readAs } };
}

/** Parses HTML source that is already decoded and normalised (normaliseText). */
export function parseHtmlDocument(html: string, fileName: string): ParsedDocument {
  const { document } = parseHTML(html);
  const meta = readHtmlMeta(document);
  const article = readArticle(html);
  let drafts = article?.drafts ?? [];
  if (charCount(drafts) < MIN_ARTICLE_CHARS) {
    const page = htmlBlocks(document);
    if (charCount(page) > charCount(drafts)) drafts = page;
  }
  drafts = withHeadline(drafts, meta);

  const { text, blocks } = assembleBlocks(drafts);
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const resolved = resolveMeta({
    headers: headersOf(meta, article?.fallback ?? {}),
    text,
    fileName,
    bodyTitle: firstHeading ? text.slice(firstHeading.start, firstHeading.end) : null,
    leadLines: blocks.slice(0, BYLINE_LINES).map((b) => text.slice(b.start, b.end)),
  });
  const doc: ParsedDocument = { ...resolved, format: 'html', text, blocks };
  if (text === '') doc.flags = ['no-text'];
  return doc;
}

interface Article {
  drafts: DraftBlock[];
  /** What Readability found, used where the page's own metadata is silent. */
  fallback: Headers;
}

/**
 * Readability's pick of the main text. It rewrites the tree it is given, so it gets a tree of
 * its own: the metadata and the whole-page fallback read an untouched one.
 */
function readArticle(html: string): Article | null {
  let parsed: ReturnType<Readability<DomNode>['parse']>;
  try {
    const { document } = parseHTML(html);
    // The node itself rather than its serialised HTML, so nothing is parsed again.
    parsed = new Readability(document, { serializer: (node): DomNode => node }).parse();
  } catch {
    // Readability assumes a well-formed page; on anything else the plain walk still works.
    return null;
  }
  if (!parsed?.content) return null;
  const fallback: Headers = {};
  const fields = [
    ['title', parsed.title],
    ['author', parsed.byline],
    ['source', parsed.siteName],
    ['date', parsed.publishedTime],
    ['language', parsed.lang],
  ] as const;
  for (const [field, value] of fields) {
    const clean = collapseWhitespace(value ?? '');
    if (clean) fallback[field] = clean;
  }
  return { drafts: htmlBlocks(parsed.content, { withinArticle: true }), fallback };
}

function headersOf(meta: HtmlMeta, fallback: Headers): Headers {
  const headers: Headers = {
    title: meta.title ?? fallback.title,
    author: meta.author ?? stripBy(fallback.author),
    date: meta.date ?? fallback.date,
    source: meta.siteName ?? fallback.source,
    url: meta.url ?? undefined,
    language: meta.language ?? fallback.language?.split(/[-_]/)[0]?.toLowerCase(),
  };
  for (const key of Object.keys(headers) as (keyof Headers)[]) {
    if (headers[key] === undefined) delete headers[key];
  }
  return headers;
}

function stripBy(byline: string | undefined): string | undefined {
  return byline?.replace(/^by\s+/i, '');
}

/**
 * Readability drops a headline that repeats the page title; the reader still wants it on top.
 * Only a headline that matches the title is put back, never a logo that happens to be an h1.
 */
function withHeadline(drafts: DraftBlock[], meta: HtmlMeta): DraftBlock[] {
  const headline = meta.headline;
  if (!headline || !meta.title) return drafts;
  const [a, b] = [headline, meta.title].map((s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  if (!a || !b || !(a.includes(b) || b.includes(a))) return drafts;
  const present = drafts.some(
    (d) => d.kind === 'heading' && collapseWhitespace(d.text) === headline,
  );
  return present ? drafts : [{ kind: 'heading', level: 1, text: headline }, ...drafts];
}

function charCount(drafts: readonly DraftBlock[]): number {
  return drafts.reduce((sum, d) => sum + collapseWhitespace(d.text).length, 0);
}
