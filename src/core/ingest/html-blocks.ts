import type { DraftBlock } from './document';

/**
 * The few DOM members the walk needs. linkedom's nodes and a browser's both satisfy it, and
 * core is type-checked without the DOM library, so the walk names only these.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
}

/** A set from a space-separated list, which keeps long vocabularies compact. */
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function tagOf(element: DomElement): string {
  return element.tagName.toLowerCase();
}

/** Code, embedded content and form controls: nothing in them is prose a reader sees. */
const IGNORED_TAGS = wordSet(
  'head title meta link base script style noscript template iframe frame frameset object ' +
    'embed applet svg canvas audio video map input button select option optgroup textarea ' +
    'datalist output meter progress label dialog',
);

/** Site chrome by element: always navigation or asides, never the article itself. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'menu']);

const CHROME_ROLES = wordSet(
  'navigation banner contentinfo complementary search dialog alertdialog menu menubar toolbar',
);

/** Words in a class or id that mark chrome a reader-mode pass can let through. */
const CHROME_WORDS = wordSet(
  'cookie cookies consent gdpr newsletter subscribe subscription signup related recommended ' +
    'promo advert advertisement ad ads sponsor sponsored share sharing social breadcrumb ' +
    'breadcrumbs sidebar menu navbar nav masthead banner popup modal paywall comments footer',
);

const BLOCK_TAGS = wordSet(
  'address article body caption center dd details div dl dt fieldset figcaption figure form ' +
    'header hgroup hr html legend main ol p section summary ul li blockquote pre tr td th',
);

const HEADING = /^h([1-6])$/;

/** Content kept whatever its class says: a guard against a "menu-wrapper" around the page. */
const MAIN_CONTENT = 'article, main, [role="main"], h1';

interface Context {
  kind: DraftBlock['kind'];
  level?: number;
  /** Inside <article> or <main>, where a <header> holds the headline, not the site's menu. */
  inArticle: boolean;
}

export interface HtmlBlocksOptions {
  /**
   * The root is already the article (Readability's pick, a converted Word file), so a
   * <header> in it belongs to the article rather than to the site.
   */
  withinArticle?: boolean;
}

/**
 * Walks an HTML tree into draft blocks, text only: attribute values (URLs, handlers, alt
 * text) are never read into the text, and scripts, embeds, forms and site chrome are skipped.
 */
export function htmlBlocks(root: DomNode, options: HtmlBlocksOptions = {}): DraftBlock[] {
  const walker = new BlockWalker();
  const context: Context = { kind: 'paragraph', inArticle: options.withinArticle ?? false };
  walker.children(root, context);
  walker.flush(context);
  return walker.blocks;
}

class BlockWalker {
  readonly blocks: DraftBlock[] = [];
  private inline: string[] = [];

  /** Ends the text run in progress as a block of the context it was written in. */
  flush(context: Context): void {
    const text = this.inline.join('');
    this.inline = [];
    if (!/\S/.test(text)) return;
    const block: DraftBlock = { kind: context.kind, text };
    if (context.level !== undefined) block.level = context.level;
    this.blocks.push(block);
  }

  children(node: DomNode, context: Context): void {
    const nodes = node.childNodes;
    for (let i = 0; i < nodes.length; i += 1) {
      const child = nodes[i];
      if (child) this.node(child, context);
    }
  }

  private node(node: DomNode, context: Context): void {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      this.inline.push(node.textContent ?? '');
      return;
    }
    if (!isElement(node) || isSkipped(node, context)) return;
    const tag = tagOf(node);
    if (tag === 'br') {
      this.inline.push(' ');
    } else if (tag === 'table') {
      this.flush(context);
      this.table(node, context);
    } else if (isBlock(tag)) {
      this.flush(context);
      const inner = innerContext(tag, context);
      this.children(node, inner);
      this.flush(inner);
    } else {
      this.children(node, context);
    }
  }

  /** One block per row, cells joined by " | "; layout tables are read as ordinary blocks. */
  private table(table: DomElement, context: Context): void {
    const rows = tableRows(table);
    const layout = rows.some((row) =>
      row.some((cell) => cell.querySelector('table, h1, h2, h3, h4, h5, h6')),
    );
    const kind = context.kind === 'quote' ? 'quote' : 'paragraph';
    for (const child of elementChildren(table)) {
      if (tagOf(child) === 'caption') this.node(child, context);
    }
    for (const row of rows) {
      if (layout || row.length === 1) {
        for (const cell of row) {
          this.children(cell, context);
          this.flush(context);
        }
        continue;
      }
      const cells = row.map((cell) => cellText(cell, context));
      if (cells.some((cell) => cell !== '')) this.blocks.push({ kind, text: cells.join(' | ') });
    }
  }
}

function isBlock(tag: string): boolean {
  return (
    BLOCK_TAGS.has(tag) ||
    HEADING.test(tag) ||
    ['li', 'blockquote', 'pre', 'tr', 'td', 'th'].includes(tag)
  );
}

function innerContext(tag: string, outer: Context): Context {
  const inArticle = outer.inArticle || tag === 'article' || tag === 'main';
  const level = HEADING.exec(tag)?.[1];
  // Inside a quotation everything stays quotation, as the Markdown parser does.
  if (outer.kind === 'quote') return { kind: 'quote', inArticle };
  if (level !== undefined) return { kind: 'heading', level: Number(level), inArticle };
  if (tag === 'li') return { kind: 'list-item', inArticle };
  if (tag === 'blockquote') return { kind: 'quote', inArticle };
  if (tag === 'pre') return { kind: 'code', inArticle };
  if (outer.kind === 'heading') return { kind: 'heading', level: outer.level, inArticle };
  return { kind: outer.kind, inArticle };
}

function isSkipped(element: DomElement, context: Context): boolean {
  const tag = tagOf(element);
  if (IGNORED_TAGS.has(tag) || CHROME_TAGS.has(tag)) return true;
  if (isHidden(element)) return true;
  const role = element.getAttribute('role')?.trim().toLowerCase();
  if (tag === 'header' && !context.inArticle) return !holdsHeadline(element);
  if (tag === 'form' || (role !== undefined && CHROME_ROLES.has(role)) || hasChromeName(element)) {
    return element.querySelector(MAIN_CONTENT) === null;
  }
  return false;
}

/** A page-level <header> is kept only when it holds the headline rather than the menu. */
function holdsHeadline(header: DomElement): boolean {
  return (
    header.querySelector('h1') !== null && header.querySelector('nav, [role="navigation"]') === null
  );
}

/** Text the page itself hides is not what its reader read (and a classic place to stuff words). */
function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = element.getAttribute('style')?.toLowerCase().replace(/\s+/g, '') ?? '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function hasChromeName(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => CHROME_WORDS.has(word));
}

function elementChildren(element: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const nodes = element.childNodes;
  for (let i = 0; i < nodes.length; i += 1) {
    const child = nodes[i];
    if (child && isElement(child)) out.push(child);
  }
  return out;
}

/** The table's own rows (not those of tables nested in its cells), each as its cells. */
function tableRows(table: DomElement): DomElement[][] {
  const rows: DomElement[][] = [];
  const addRow = (tr: DomElement): void => {
    rows.push(elementChildren(tr).filter((cell) => ['td', 'th'].includes(tagOf(cell))));
  };
  for (const child of elementChildren(table)) {
    const tag = tagOf(child);
    if (tag === 'tr') addRow(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const tr of elementChildren(child)) if (tagOf(tr) === 'tr') addRow(tr);
    }
  }
  return rows.filter((row) => row.length > 0);
}

function cellText(cell: DomElement, context: Context): string {
  if (isSkipped(cell, context)) return '';
  return htmlBlocks(cell, { withinArticle: context.inArticle })
    .map((block) => block.text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .join(' ');
}
