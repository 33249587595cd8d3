import { quoteOf } from '@core/annotations/selectors-of';
import { TAG_LABELS } from '@core/model';
import { AnnotationDetails } from './AnnotationDetails';
import type { PlacedAnnotation } from './use-annotations';

interface Props {
  placed: readonly PlacedAnnotation[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  docDate: string | null;
  onLink: () => void;
  onDossier: (pledgeId: string) => void;
  onReattach: (annotationId: string) => void;
}

/** The open document's annotations in reading order, with the selected one's editor. */
export function AnnotationPanel({ placed, selectedId, onSelect, ...actions }: Props) {
  const anchored = placed.filter((p) => p.range);
  const orphans = placed.filter((p) => !p.range);
  const item = ({ annotation, range }: PlacedAnnotation) => {
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
        {selected ? (
          <AnnotationDetails
            annotation={annotation}
            anchored={range !== null}
            docDate={actions.docDate}
            onDeleted={() => onSelect(null)}
            onLink={actions.onLink}
            onDossier={() => actions.onDossier(annotation.id)}
            onReattach={() => actions.onReattach(annotation.id)}
          />
        ) : null}
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
