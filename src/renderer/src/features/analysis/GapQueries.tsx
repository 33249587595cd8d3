import { useMemo, useState } from 'react';
import { GAP_LABELS, GAP_QUERIES, gapCounts, runGapQuery, type GapQuery } from '@core/analysis';
import { openDocument } from '../reader/reader-store';
import { useRenderedMark, type AnalysisData } from './analysis-data';
import { PassageList } from './PassageList';

/** Documents listed at once; the Library's filter lists them all. */
const DOCUMENTS_SHOWN = 500;

/** One-click questions about what is missing, each with its count; results open their passages. */
export function GapQueries({ data }: { data: AnalysisData }) {
  const [months, setMonths] = useState(24);
  const [query, setQuery] = useState<GapQuery | null>(null);
  const counts = useMemo(() => gapCounts(data, months), [data, months]);
  const answer = useMemo(
    () => (query ? runGapQuery(query, data, months) : null),
    [query, data, months],
  );
  useRenderedMark(`gap:${query ?? 'counts'}`, true, answer ?? counts);
  const label = (q: GapQuery) =>
    q === 'no-evidence-within' ? `Pledges with no evidence within ${months} months` : GAP_LABELS[q];
  return (
    <section className="view gaps-view" aria-label="Gap queries">
      <header className="view-header">
        <h1>Gap queries</h1>
        <label className="field inline-field">
          N months
          <input
            type="number"
            min={1}
            max={600}
            value={months}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n) && n >= 1 && n <= 600) setMonths(n);
            }}
          />
        </label>
      </header>
      <ul className="gap-buttons" aria-label="Questions">
        {GAP_QUERIES.map((q) => (
          <li key={q}>
            <button type="button" aria-pressed={query === q} onClick={() => setQuery(q)}>
              <span>{label(q)}</span> <strong className="gap-count">{counts[q]}</strong>
            </button>
          </li>
        ))}
      </ul>
      {answer ? (
        <div className="gap-answer" role="region" aria-label={label(answer.query)}>
          <h2>
            {label(answer.query)}: {answer.annotations.length + answer.documents.length}
          </h2>
          {answer.undated.length > 0 ? (
            <p className="muted">
              {answer.undated.length} undated pledge{answer.undated.length === 1 ? '' : 's'} could
              not be judged: give {answer.undated.length === 1 ? 'it' : 'them'} a statement date.
            </p>
          ) : null}
          {answer.annotations.length + answer.documents.length === 0 ? <p>None.</p> : null}
          {answer.annotations.length > 0 ? (
            <PassageList
              label={`Results: ${label(answer.query)}`}
              annotations={answer.annotations}
              library={data.library}
            />
          ) : null}
          {answer.documents.length > 0 ? (
            <ul className="passage-list static" aria-label="Documents with no annotation">
              {answer.documents.slice(0, DOCUMENTS_SHOWN).map((d) => (
                <li key={d.id} className="passage">
                  <button type="button" className="row-open" onClick={() => openDocument(d.id)}>
                    {d.title}
                  </button>
                  <span className="meta">
                    {[d.source ?? 'Unknown source', d.date ?? 'undated'].join(' · ')}
                  </span>
                </li>
              ))}
              {answer.documents.length > DOCUMENTS_SHOWN ? (
                <li className="muted">
                  and {answer.documents.length - DOCUMENTS_SHOWN} more: filter the Library by “No
                  annotations” to see them all.
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="muted">Pick a question to list what it finds.</p>
      )}
    </section>
  );
}
