import { quoteOf } from '@core/annotations/selectors-of';
import { TAG_LABELS } from '@core/model';
import { annotationService } from '../annotations/annotation-service';
import { MarkdownNote } from '../annotations/MarkdownNote';
import { useNeedsReview } from './use-needs-review';

interface Props {
  onOpen: (docId: string, annotationId: string) => void;
}

/** Orphans and annotations flagged by a new version, each kept with its quote and note. */
export function NeedsReview({ onOpen }: Props) {
  const items = useNeedsReview();
  return (
    <section className="view needs-review" aria-label="Needs review">
      <header className="view-header">
        <h1>Needs review</h1>
        <p className="count" role="status">
          {items === undefined ? 'Checking…' : `${items.length} to review`}
        </p>
      </header>
      <p className="muted">
        Open one, select its passage in the text, and press <strong>Re-attach here</strong> in the
        annotations panel; or mark it as checked if it still fits.
      </p>
      {items?.length === 0 ? <p>Nothing to review: every annotation is in place.</p> : null}
      <ul className="review-list">
        {items?.map(({ annotation: a, doc, orphan }) => (
          <li key={a.id} className={`review-item tag-${a.tag}`}>
            <p className="meta">
              <span className={`tag-label tag-${a.tag}`}>{TAG_LABELS[a.tag]}</span>
              <span>{doc?.title ?? 'Deleted document'}</span>
              <span className="review-flag">
                {orphan
                  ? 'not found in the current text'
                  : a.review?.reason === 'changed'
                    ? 'passage changed'
                    : 'to review'}
              </span>
            </p>
            <blockquote>{a.review?.previousQuote ?? quoteOf(a)}</blockquote>
            <MarkdownNote markdown={a.note} />
            <div className="review-actions">
              {doc ? (
                <button type="button" onClick={() => onOpen(a.docId, a.id)}>
                  Open to re-attach
                </button>
              ) : null}
              {a.review && !orphan ? (
                <button
                  type="button"
                  onClick={() => void annotationService.update(a.id, { reviewed: true })}
                >
                  Mark as checked
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
