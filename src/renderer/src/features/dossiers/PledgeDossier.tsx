import { useMemo } from 'react';
import { buildDossier } from '@core/annotations/dossier';
import { quoteOf } from '@core/annotations/selectors-of';
import { PLEDGE_STATUS_LABELS, TAG_LABELS } from '@core/model';
import { RELATION_LABELS } from '../annotations/LinkPicker';
import { MarkdownNote } from '../annotations/MarkdownNote';
import { StatusHistory } from '../annotations/StatusEditor';
import { useAnalysisData } from '../analysis/analysis-data';

interface Props {
  pledgeId: string;
  onOpen: (docId: string, annotationId: string) => void;
  onClose: () => void;
}

/** One pledge followed through the years: everything linked to it, oldest first. Printable. */
export function PledgeDossier({ pledgeId, onOpen, onClose }: Props) {
  const data = useAnalysisData();
  const dossier = useMemo(
    () =>
      data
        ? buildDossier(
            pledgeId,
            data.library.annotations,
            data.library.links.map((l) => l.link),
            data.library.documents,
          )
        : null,
    [data, pledgeId],
  );
  if (!data) return <section className="view muted">Loading…</section>;
  if (!dossier)
    return (
      <section className="view" aria-label="Pledge dossier">
        <p>This pledge is no longer in the library.</p>
        <button type="button" onClick={onClose}>
          Back to dossiers
        </button>
      </section>
    );
  const { pledge, items } = dossier;
  const root = items.find((i) => i.annotation.id === pledge.id);
  return (
    <section className="view dossier" aria-label="Pledge dossier">
      <header className="view-header">
        <h1>Pledge dossier</h1>
        <div className="view-actions no-print">
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" onClick={onClose}>
            Back to dossiers
          </button>
        </div>
      </header>
      <blockquote className="dossier-pledge">{quoteOf(pledge)}</blockquote>
      <p className="meta">
        {[pledge.actor, root?.doc?.title, root?.date ?? 'undated'].filter(Boolean).join(' · ')}
      </p>
      <p>
        Status:{' '}
        <strong>{pledge.status ? PLEDGE_STATUS_LABELS[pledge.status] : 'not assessed'}</strong>
        {pledge.rationale ? ` — ${pledge.rationale}` : ''}
      </p>
      <h2>Status history</h2>
      <StatusHistory annotation={pledge} />
      <h2>
        Timeline ({items.length - 1} linked item{items.length === 2 ? '' : 's'})
      </h2>
      {items.length === 1 ? (
        <p className="muted">
          Nothing is linked to this pledge yet. Select an evidence or critique and use Link to
          pledge (key l).
        </p>
      ) : null}
      <ol className="dossier-items" aria-label="Dossier timeline">
        {items.map(({ annotation, doc, date, relation, linkedTo }) => (
          <li key={annotation.id} className={`dossier-item tag-${annotation.tag}`}>
            <p className="meta">
              <time>{date ?? 'undated'}</time>
              <span className={`tag-label tag-${annotation.tag}`}>
                {TAG_LABELS[annotation.tag]}
              </span>
              <span className="relation">
                {relation
                  ? `${RELATION_LABELS[relation]}${linkedTo && linkedTo.id !== pledge.id ? ' a repetition' : ''}`
                  : annotation.id === pledge.id
                    ? 'This pledge'
                    : 'Earlier wording'}
              </span>
              <span>{doc?.title ?? 'Deleted document'}</span>
              {annotation.actor ? <span>{annotation.actor}</span> : null}
            </p>
            <blockquote>{quoteOf(annotation)}</blockquote>
            <MarkdownNote markdown={annotation.note} />
            <button
              type="button"
              className="no-print"
              onClick={() => onOpen(annotation.docId, annotation.id)}
            >
              Open in document
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
