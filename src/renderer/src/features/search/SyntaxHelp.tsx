import { useEffect, useId, useRef, useState } from 'react';
import type { SearchScope } from './use-search';

const DOCUMENT_ROWS: [string, string][] = [
  ['shelter victims', 'either word, best matches first; shelters finds shelter'],
  ['+complicit', 'must contain the word'],
  ['-customs', 'must not contain the word'],
  ['"end trafficking"', 'the exact phrase, even across a line break'],
  ['title:pledge', 'in one field: title:, source:, author:'],
  ['traff*', 'words starting with traff (also *ficking)'],
  ['goverment~1', 'allows one typo (~2 for two)'],
  [
    'date:2008..2015',
    'documents dated in the range; also date:2010, date:2008-03..2009, date:..2012',
  ],
];

const ANNOTATION_ROWS: [string, string][] = [
  ['punished', 'in quotes, notes, actors and labels'],
  ['actor:varenko', 'in one field: quote:, note:, actor:, labels:, title: (the document’s)'],
  ['tag:pledge', 'only pledges (or evidence, critique)'],
  ['"whatever their rank"', 'the exact phrase'],
  ['date:2015', 'by the statement’s date, else the document’s'],
];

/** A button next to the search box that shows what can be typed in it. */
export function SyntaxHelp({ scope }: { scope: SearchScope }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const rows = scope === 'documents' ? DOCUMENT_ROWS : ANNOTATION_ROWS;
  return (
    <div className="syntax-help" ref={box}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        Search syntax
      </button>
      {open ? (
        <div className="syntax-popover" id={id} role="dialog" aria-label="Search syntax">
          <table>
            <tbody>
              {rows.map(([example, meaning]) => (
                <tr key={example}>
                  <th scope="row">
                    <code>{example}</code>
                  </th>
                  <td>{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">Combine them: +shelter -customs date:2010..2016</p>
        </div>
      ) : null}
    </div>
  );
}
