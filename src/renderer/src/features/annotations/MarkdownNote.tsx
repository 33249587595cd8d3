import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/**
 * A note rendered from Markdown. Notes can hold pasted text from anywhere, so the HTML is
 * sanitised and links are not followed (Dossier makes no network requests).
 */
export function MarkdownNote({ markdown }: { markdown: string }) {
  const html = useMemo(() => {
    const raw = marked.parse(markdown, { async: false, gfm: true, breaks: true });
    return DOMPurify.sanitize(raw, {
      FORBID_TAGS: ['img', 'style', 'form', 'input', 'iframe'],
      FORBID_ATTR: ['style', 'href', 'src'],
    });
  }, [markdown]);
  if (markdown.trim() === '') return null;
  // Sanitised just above.
  return <div className="note-rendered" dangerouslySetInnerHTML={{ __html: html }} />;
}
