import { TAG_LABELS } from '@core/model';
import { Highlighted } from './Highlighted';
import type { AnnotationSearchState } from './use-annotation-search';
import { onResultKeys } from './use-result-keys';

interface Props {
  state: AnnotationSearchState;
  onOpen: (docId: string, annotationId: string) => void;
}

const SHOWN = 200;

export function AnnotationResults({ state, onOpen }: Props) {
  if (!('ok' in state)) {
    return state.kind === 'loading' ? (
      <p className="muted" role="status">
        Searching…
      </p>
    ) : null;
  }
  if (!state.ok) return null;
  return (
    <section aria-label="Annotation results">
      <p className="muted" role="status">
        {state.total === 0
          ? 'No annotations match.'
          : `${state.total} annotation${state.total === 1 ? '' : 's'} found in ${state.tookMs.toFixed(1)} ms`}
        {state.total > SHOWN ? ` (showing the first ${SHOWN})` : ''}
      </p>
      <ol className="result-list" onKeyDown={onResultKeys}>
        {state.hits.slice(0, SHOWN).map(({ entry, doc, matches }) => (
          <li key={entry.id}>
            <button
              type="button"
              className={`result-item annotation-result tag-${entry.tag}`}
              data-result-nav
              onClick={() => onOpen(entry.docId, entry.id)}
            >
              <span className="meta">
                <span className={`tag-label tag-${entry.tag}`}>{TAG_LABELS[entry.tag]}</span>
                {entry.actor ? (
                  <>
                    {' · '}
                    <Highlighted text={entry.actor} highlights={matches.actor ?? []} />
                  </>
                ) : null}
                {' · '}
                {doc?.title ?? 'Document no longer in the library'}
                {' · '}
                {entry.statementDate ?? doc?.date ?? 'undated'}
              </span>
              <q className="quote">
                <Highlighted text={entry.quote} highlights={matches.quote ?? []} />
              </q>
              {entry.note ? (
                <span className="snippet">
                  <Highlighted text={entry.note} highlights={matches.note ?? []} />
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
