/**
 * The web app's PDF: the report's HTML printed by the browser (its print dialog offers Save as
 * PDF). The HTML goes into a hidden frame that may open the print dialog but never run script
 * (the sandbox has no allow-scripts), and same-origin only so the page can write the report
 * into it and call its print(). The frame has no URL, so the app's Content-Security-Policy
 * (frame-src 'none') still holds; the frame inherits that policy, so nothing in the report can
 * load either.
 */
export async function printHtml(html: Uint8Array): Promise<boolean> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.className = 'print-frame';
  // At a page's width (not display:none), so the print has the report's real layout. The
  // report's own stylesheet shows nothing on screen: it is laid out once, for printing.
  frame.style.cssText =
    'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0;visibility:hidden';
  document.body.append(frame);
  try {
    // The page's turn first (the dialog shows it is printing), then the report's slices.
    await nextTurn();
    const view = frame.contentWindow;
    const frameDocument = frame.contentDocument;
    if (!view || !frameDocument) throw new Error('the browser gave the print frame no window');
    await writeInSlices(frameDocument, html);
    // print() returns once the dialog is closed (at once where printing is unavailable).
    view.print();
    return true;
  } finally {
    // Removed on the next task: some browsers read the frame after print() returns.
    setTimeout(() => frame.remove(), 1000);
  }
}

export interface Slicing {
  /** How long one turn of writing may hold the page, in ms: a fraction of a long task. */
  budgetMs: number;
  /** Bytes handed to the frame's parser at a time: a few milliseconds of parsing. */
  bytes: number;
}

const SLICING: Slicing = { budgetMs: 30, bytes: 64 * 1024 };

const LINE_END = 0x0a;
const TAG_END = 0x3e;

/**
 * Writes a whole HTML document (UTF-8) into a frame's document a slice at a time, giving the
 * page back between turns, so a library's report (megabytes) never holds the page for long.
 * The frame's parser takes the slices as one stream and the decoder carries a character split
 * between slices over, so a slice may end anywhere; they end at line ends where there are any
 * (the report's entries are lines).
 */
export async function writeInSlices(
  target: Document,
  html: Uint8Array,
  { budgetMs, bytes }: Slicing = SLICING,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  target.open();
  let at = 0;
  while (at < html.length) {
    const turn = performance.now();
    do {
      const end = sliceEnd(html, at, bytes);
      target.write(decoder.decode(html.subarray(at, end), { stream: end < html.length }));
      at = end;
    } while (at < html.length && performance.now() - turn < budgetMs);
    if (at < html.length) await nextTurn();
  }
  target.close();
}

/** Where a slice from `from` of about `size` bytes ends: after a line's end if it can. */
export function sliceEnd(html: Uint8Array, from: number, size: number): number {
  const end = from + size;
  if (end >= html.length) return html.length;
  const line = html.lastIndexOf(LINE_END, end - 1);
  if (line >= from) return line + 1;
  const tag = html.lastIndexOf(TAG_END, end - 1);
  return tag >= from ? tag + 1 : end;
}

/** The next task, without the 4 ms that nested timers are held back. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
