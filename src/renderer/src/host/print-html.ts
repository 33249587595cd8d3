/**
 * The web app's PDF: the report's HTML printed by the browser (its print dialog offers Save as
 * PDF). The HTML goes into a hidden frame that may open the print dialog but never run script
 * (the sandbox has no allow-scripts), and same-origin only so the page can call its print().
 * A srcdoc frame fetches nothing, so the app's Content-Security-Policy (frame-src 'none')
 * still holds; the frame inherits that policy, so nothing in the report can load either.
 */
export async function printHtml(html: string): Promise<boolean> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.className = 'print-frame';
  // Laid out at a page's width (not display:none), so the print has the report's real layout.
  frame.style.cssText =
    'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0;visibility:hidden';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve()));
  frame.srcdoc = html;
  document.body.append(frame);
  try {
    await loaded;
    const view = frame.contentWindow;
    if (!view) throw new Error('the browser gave the print frame no window');
    // print() returns once the dialog is closed (at once where printing is unavailable).
    view.print();
    return true;
  } finally {
    // Removed on the next task: some browsers read the frame after print() returns.
    setTimeout(() => frame.remove(), 1000);
  }
}
