import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text of a PDF as pdf.js reads it (the legacy build, which runs in Node). */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const task = pdfjs.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      );
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The titles of a PDF's outline (bookmarks), depth first. */
export async function pdfOutlineTitles(bytes: Uint8Array): Promise<string[]> {
  const task = pdfjs.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 });
  try {
    const outline = (await (await task.promise).getOutline()) ?? [];
    const titles: string[] = [];
    const walk = (items: typeof outline) => {
      for (const item of items) {
        titles.push(item.title);
        walk(item.items);
      }
    };
    walk(outline);
    return titles;
  } finally {
    await task.destroy();
  }
}

/** Text with line breaks and runs of spaces as single spaces, to find a quote across lines. */
export const flatText = (text: string) => text.replace(/\s+/g, ' ').trim();
