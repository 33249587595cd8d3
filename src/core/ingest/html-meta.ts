import { findDate, parseDate } from '../text/dates';
import { collapseWhitespace } from '../text/normalise';
import type { DomElement } from './html-blocks';

/** The part of a parsed HTML document the metadata reader queries. */
export interface DomQueryRoot {
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

/** What the page says about itself, before any reader-mode pass changes the tree. */
export interface HtmlMeta {
  title: string | null;
  author: string | null;
  /** Publication date as YYYY-MM-DD. */
  date: string | null;
  siteName: string | null;
  /** Canonical address, only when it is an absolute http(s) URL. */
  url: string | null;
  /** Primary language subtag, lower case ("en"). */
  language: string | null;
  /** The page's first <h1>, preferring one inside the article. */
  headline: string | null;
}

export function readHtmlMeta(root: DomQueryRoot): HtmlMeta {
  const meta = metaContents(root);
  const ld = jsonLdArticle(root);
  const url = firstOf(
    [attr(root.querySelector('link[rel~="canonical"]'), 'href'), meta.get('og:url')],
    httpUrl,
  );
  const siteName = firstOf(
    [meta.get('og:site_name'), meta.get('application-name'), ld?.publisher],
    clean,
  );
  const headline = textOf(
    root.querySelector('article h1, main h1, [role="main"] h1') ?? root.querySelector('h1'),
  );
  const pageTitle = root.querySelector('title')?.textContent;
  const language = languageTag(
    attr(root.querySelector('html'), 'lang') ?? meta.get('content-language'),
  );
  return {
    title:
      firstOf([meta.get('og:title'), meta.get('twitter:title'), pageTitle], (title) =>
        withoutSiteSuffix(title, siteName, url),
      ) ?? headline,
    author: firstOf(
      [meta.get('author'), meta.get('article:author'), bylineText(root), ld?.author],
      authorName,
    ),
    date: firstOf(
      [
        meta.get('article:published_time'),
        ...DATE_META_NAMES.map((name) => meta.get(name)),
        ...articleTimes(root),
        ld?.datePublished,
      ],
      (value) => isoDate(value, language),
    ),
    siteName,
    url,
    language,
    headline,
  };
}

const DATE_META_NAMES = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'citation_publication_date',
  'datepublished',
];

/** <meta> contents keyed by lower-cased name, property, itemprop or http-equiv; first wins. */
function metaContents(root: DomQueryRoot): Map<string, string> {
  const out = new Map<string, string>();
  const metas = root.querySelectorAll('meta[content]');
  for (let i = 0; i < metas.length; i += 1) {
    const meta = metas[i];
    const content = meta?.getAttribute('content');
    if (!meta || !content) continue;
    for (const key of ['name', 'property', 'itemprop', 'http-equiv']) {
      const name = meta.getAttribute(key)?.trim().toLowerCase();
      if (name && !out.has(name)) out.set(name, content);
    }
  }
  return out;
}

function firstOf(
  candidates: readonly (string | null | undefined)[],
  accept: (value: string) => string | null,
): string | null {
  for (const candidate of candidates) {
    const value = candidate ? accept(candidate) : null;
    if (value) return value;
  }
  return null;
}

function attr(element: DomElement | null, name: string): string | null {
  return element?.getAttribute(name) ?? null;
}

function textOf(element: DomElement | null): string | null {
  return clean(element?.textContent ?? '');
}

function clean(value: string): string | null {
  return collapseWhitespace(value) || null;
}

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A date in the page's metadata or a <time> element, written in the page's language. */
function isoDate(value: string, language: string | null): string | null {
  const date = parseDate(value, language) ?? findDate(value, language);
  return date && date >= '1900' ? date : null;
}

function languageTag(value: string | null | undefined): string | null {
  const primary = value?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

const SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' • '];

/**
 * "Headline | The Harbour Gazette" -> "Headline". A suffix goes when it names the site (its
 * og:site_name or its host); after a bar, any short suffix goes, since a bar rarely sits
 * inside a headline the way a dash does.
 */
export function withoutSiteSuffix(
  title: string,
  siteName: string | null,
  url: string | null,
): string | null {
  const whole = clean(title);
  if (!whole) return null;
  for (const separator of SEPARATORS) {
    const at = whole.lastIndexOf(separator);
    if (at <= 0) continue;
    const head = whole.slice(0, at).trim();
    const tail = whole.slice(at + separator.length).trim();
    if (namesTheSite(tail, siteName, url)) return head || whole;
    // "The Harbour Gazette | Headline"
    if (whole.indexOf(separator) === at && namesTheSite(head, siteName, url)) return tail || whole;
    if (separator === ' | ' && tail.split(' ').length <= 5) return head || whole;
  }
  return whole;
}

function namesTheSite(part: string, siteName: string | null, url: string | null): boolean {
  const lower = part.toLowerCase();
  if (siteName && lower === siteName.toLowerCase()) return true;
  const host = url ? new URL(url).hostname.replace(/^www\./, '') : '';
  const hostWord = host.split('.')[0] ?? '';
  const words = lower.split(/[^\p{L}\p{N}]+/u);
  return (
    hostWord.length >= 3 && (words.includes(hostWord) || lower.replace(/\W+/g, '') === hostWord)
  );
}

const ROLE =
  /,\s*[^,]*\b(?:reporter|correspondent|editor|writer|staff|desk|columnist|contributor|journalist)\b.*$/i;

/**
 * "By Elin Marchetti | Harbour desk" and "Anouk Derval, Court Reporter" -> the name; a
 * profile URL or an address is not a name, and neither is a line of body text.
 */
function authorName(value: string): string | null {
  const text = collapseWhitespace(value).replace(/^(?:written\s+|reporting\s+)?by\s+/i, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.includes('@')) return null;
  const name = text
    .split(/\s+[|·•–—]\s+|\s+\d/u)[0]
    ?.replace(ROLE, '')
    .replace(/[,.;:]+$/, '')
    .trim();
  return name && name.length <= 80 ? name : null;
}

function bylineText(root: DomQueryRoot): string | null {
  const byline = root.querySelector(
    '[rel~="author"], [itemprop="author"], .byline, .author, .article-author',
  );
  return textOf(byline);
}

/** Dates of <time> elements that belong to the article, not to the site's chrome. */
function articleTimes(root: DomQueryRoot): string[] {
  const times = root.querySelectorAll(
    'time[itemprop="datePublished"], time[pubdate], article time, main time, [role="main"] time',
  );
  const out: string[] = [];
  for (let i = 0; i < times.length; i += 1) {
    const time = times[i];
    const value = time ? (time.getAttribute('datetime') ?? time.textContent) : null;
    if (value) out.push(value);
  }
  return out;
}

interface JsonLdArticle {
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
}

const ARTICLE_TYPE =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|WebPage)$/;

/** The first schema.org article described in the page's JSON-LD, if any parses. */
function jsonLdArticle(root: DomQueryRoot): JsonLdArticle | null {
  const scripts = root.querySelectorAll('script[type]');
  const nodes: Record<string, unknown>[] = [];
  for (let i = 0; i < scripts.length; i += 1) {
    const script = scripts[i];
    if (script?.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      collectNodes(JSON.parse(script.textContent ?? '') as unknown, nodes);
    } catch {
      // Broken JSON-LD is common and says nothing about the article; the meta tags remain.
    }
  }
  const byId = new Map<string, Record<string, unknown>>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown =>
    isRecord(value) && typeof value['@id'] === 'string' && !('name' in value)
      ? (byId.get(value['@id']) ?? value)
      : value;
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  if (!article) return null;
  return {
    author: namesOf(article.author, resolve),
    datePublished: typeof article.datePublished === 'string' ? article.datePublished : null,
    publisher: namesOf(article.publisher, resolve),
  };
}

function collectNodes(value: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out);
  } else if (isRecord(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) collectNodes(value['@graph'], out);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/** A name, an object with a name, or a list of either, as "A, B". */
function namesOf(value: unknown, resolve: (value: unknown) => unknown): string | null {
  const items = Array.isArray(value) ? value : [value];
  const names = items
    .map(resolve)
    .map((item) => (typeof item === 'string' ? item : isRecord(item) ? item.name : null))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .map((name) => collapseWhitespace(name));
  return names.length > 0 ? names.join(', ') : null;
}
