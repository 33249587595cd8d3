import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { useMemo } from 'react';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Markdown for notes: HTML written in a note is shown as the characters typed, as in every
 * export, never taken as markup (a pasted `<img onerror=…>` reads as itself).
 */
const notes = new Marked({
  gfm: true,
  breaks: true,
  renderer: { html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text) },
});

/**
 * A note rendered from Markdown. Notes can hold pasted text from anywhere, so the HTML is
 * sanitised as well and links are not followed (Dossier makes no network requests).
 */
export function MarkdownNote({ markdown }: { markdown: string }) {
  const html = useMemo(() => {
    const raw = notes.parse(markdown, { async: false });
    return DOMPurify.sanitize(raw, {
      FORBID_TAGS: ['img', 'style', 'form', 'input', 'iframe'],
      FORBID_ATTR: ['style', 'href', 'src'],
    });
  }, [markdown]);
  if (markdown.trim() === '') return null;
  // Sanitised just above.
  return <div className="note-rendered" dangerouslySetInnerHTML={{ __html: html }} />;
}
