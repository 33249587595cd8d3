import { useMemo, useState } from 'react';
import { dateOf } from '@core/annotations/dossier';
import { quoteOf } from '@core/annotations/selectors-of';
import { RELATIONS, RelationSchema, type Annotation, type Relation } from '@core/model';
import { annotationService } from './annotation-service';
import { Dialog } from '../../ui/Dialog';
import { usePledgeChoices } from './use-library-annotations';

const RELATION_LABELS: Record<Relation, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  repeats: 'Repeats',
};

/** What an analyst most often means: evidence backs a pledge, critique disputes it. */
function defaultRelation(from: Annotation): Relation {
  if (from.tag === 'critique') return 'contradicts';
  if (from.tag === 'pledge') return 'repeats';
  return 'supports';
}

interface Props {
  from: Annotation;
  onClose: () => void;
}

/** Picks a pledge anywhere in the library to link the annotation to; type to narrow the list. */
export function LinkPicker({ from, onClose }: Props) {
  const data = usePledgeChoices();
  const [query, setQuery] = useState('');
  const [relation, setRelation] = useState<Relation>(() => defaultRelation(from));
  const [error, setError] = useState<string | null>(null);

  const pledges = useMemo(() => {
    if (!data) return [];
    const docs = new Map(data.documents.map((d) => [d.id, d]));
    const linked = new Set(data.links.filter((l) => l.fromId === from.id).map((l) => l.toId));
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return data.annotations
      .filter((a) => a.tag === 'pledge' && a.id !== from.id)
      .map((a) => {
        const doc = docs.get(a.docId);
        return { a, doc, quote: quoteOf(a), date: dateOf(a, doc), linked: linked.has(a.id) };
      })
      .filter(({ a, doc, quote }) => {
        const haystack = `${quote} ${a.actor ?? ''} ${doc?.title ?? ''}`.toLocaleLowerCase();
        return words.every((w) => haystack.includes(w));
      })
      .sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999'));
  }, [data, from.id, query]);

  const pick = async (pledge: Annotation) => {
    try {
      await annotationService.link(from.id, pledge.id, relation);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Dialog title="Link to pledge" className="link-picker" onClose={onClose}>
      <div className="link-picker-controls">
        <label className="field">
          Find a pledge
          <input
            type="search"
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Words of the quote, actor or document title"
          />
        </label>
        <label className="field">
          Relation
          <select
            value={relation}
            onChange={(e) => setRelation(RelationSchema.parse(e.target.value))}
          >
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                {RELATION_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {data && pledges.length === 0 ? (
        <p className="muted">
          {query ? 'No pledge matches.' : 'No other pledge in the library yet: tag one first.'}
        </p>
      ) : null}
      <ul className="pledge-choices" aria-label="Pledges">
        {pledges.map(({ a, doc, quote, date, linked }) => (
          <li key={a.id}>
            <button type="button" onClick={() => void pick(a)}>
              <span className="quote">{quote}</span>
              <span className="meta">
                {[a.actor, doc?.title, date ?? 'undated'].filter(Boolean).join(' · ')}
                {linked ? ' · already linked' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

export { RELATION_LABELS };
