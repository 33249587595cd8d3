import { useEffect, useState } from 'react';
import { quoteOf } from '@core/annotations/selectors-of';
import { TAG_LABELS, TAGS, TagSchema, type Annotation } from '@core/model';
import { annotationService } from './annotation-service';
import type { PlacedAnnotation } from './use-annotations';

function NoteEditor({ annotation }: { annotation: Annotation }) {
  const [draft, setDraft] = useState(annotation.note);
  useEffect(() => setDraft(annotation.note), [annotation.id, annotation.note]);
  const save = () => {
    if (draft !== annotation.note) void annotationService.update(annotation.id, { note: draft });
  };
  return (
    <label className="field">
      Note
      <textarea
        value={draft}
        rows={4}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
        placeholder="Why this passage matters (saved when you leave the field, or Ctrl+Enter)"
      />
    </label>
  );
}

function ReviewNotice({ annotation }: { annotation: Annotation }) {
  if (!annotation.review) return null;
  const { reason, previousQuote } = annotation.review;
  return (
    <div className="review-notice" role="note">
      <p>
        {reason === 'changed'
          ? 'A new version of the document changed this passage. It was:'
          : 'A new version of the document no longer has this passage. It was:'}
      </p>
      <blockquote>{previousQuote}</blockquote>
      <button
        type="button"
        onClick={() => void annotationService.update(annotation.id, { reviewed: true })}
      >
        Mark as checked
      </button>
    </div>
  );
}

function Details({ annotation, onDeleted }: { annotation: Annotation; onDeleted: () => void }) {
  return (
    <div className="annotation-details">
      <ReviewNotice annotation={annotation} />
      <label className="field">
        Tag
        <select
          value={annotation.tag}
          onChange={(e) =>
            void annotationService.update(annotation.id, { tag: TagSchema.parse(e.target.value) })
          }
        >
          {TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {TAG_LABELS[tag]}
            </option>
          ))}
        </select>
      </label>
      <NoteEditor annotation={annotation} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          void annotationService.remove(annotation.id);
          onDeleted();
        }}
      >
        Delete annotation
      </button>
    </div>
  );
}

interface Props {
  placed: readonly PlacedAnnotation[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/** The open document's annotations in reading order, with the selected one's editor. */
export function AnnotationPanel({ placed, selectedId, onSelect }: Props) {
  const anchored = placed.filter((p) => p.range);
  const orphans = placed.filter((p) => !p.range);
  const item = ({ annotation }: PlacedAnnotation) => {
    const selected = annotation.id === selectedId;
    return (
      <li key={annotation.id} className={`annotation-item tag-${annotation.tag}`}>
        <button
          type="button"
          className="annotation-summary"
          aria-pressed={selected}
          onClick={() => onSelect(selected ? null : annotation.id)}
        >
          <span className={`tag-label tag-${annotation.tag}`}>{TAG_LABELS[annotation.tag]}</span>
          {annotation.review ? <span className="review-flag">to review</span> : null}
          <span className="quote">{quoteOf(annotation)}</span>
          {annotation.note ? <span className="note-preview">{annotation.note}</span> : null}
        </button>
        {selected ? <Details annotation={annotation} onDeleted={() => onSelect(null)} /> : null}
      </li>
    );
  };
  return (
    <aside className="annotation-panel" aria-label="Annotations">
      <h2>Annotations ({placed.length})</h2>
      {placed.length === 0 ? (
        <p className="muted">
          Select a passage in the text, then choose Pledge, Evidence or Critique (or press 1, 2, 3).
        </p>
      ) : null}
      <ul className="annotation-list">{anchored.map(item)}</ul>
      {orphans.length > 0 ? (
        <section className="orphans">
          <h3>Not found in the current text ({orphans.length})</h3>
          <p className="muted">Kept with their quote and note; the text they pointed to is gone.</p>
          <ul className="annotation-list">{orphans.map(item)}</ul>
        </section>
      ) : null}
    </aside>
  );
}
