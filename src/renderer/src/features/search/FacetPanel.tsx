import { useState } from 'react';
import type { FacetFilters, FacetGroup, Facets } from '@core/search/query/facets';

/** Values listed per group before "Show all": a big library has thousands of sources. */
const FIRST_VALUES = 10;

const GROUPS: { group: FacetGroup; legend: string }[] = [
  { group: 'format', legend: 'Type' },
  { group: 'source', legend: 'Source' },
  { group: 'year', legend: 'Year' },
  { group: 'tags', legend: 'Has annotations' },
];

interface Props {
  facets: Facets;
  /** The ticks as chosen, which may be ahead of the counts while a query runs. */
  filters: FacetFilters;
  onToggle: (group: FacetGroup, value: string) => void;
  onClear: () => void;
  filtered: boolean;
}

/** Filters with counts over the results: ticking values combines them. */
export function FacetPanel({ facets, filters, onToggle, onClear, filtered }: Props) {
  const [open, setOpen] = useState<ReadonlySet<FacetGroup>>(new Set());
  const toggleOpen = (group: FacetGroup) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(group)) next.add(group);
      return next;
    });
  return (
    <aside className="facets" aria-label="Filters">
      {GROUPS.map(({ group, legend }) => {
        const chosen = filters[group] as string[];
        const values = facets[group].filter((f) => f.count > 0 || chosen.includes(f.value));
        if (values.length === 0) return null;
        const all = open.has(group) || values.length <= FIRST_VALUES;
        // Ticked values stay in view however far down the list they are.
        const shown = all
          ? values
          : values.filter((f, i) => i < FIRST_VALUES || chosen.includes(f.value));
        return (
          <fieldset key={group} className="facet-group">
            <legend>{legend}</legend>
            {shown.map((f) => (
              <label key={f.value} className="facet" title={f.label}>
                <input
                  type="checkbox"
                  checked={chosen.includes(f.value)}
                  onChange={() => onToggle(group, f.value)}
                />
                <span className="facet-label">{f.label}</span>{' '}
                <span className="facet-count">{f.count}</span>
              </label>
            ))}
            {values.length > FIRST_VALUES ? (
              <button type="button" className="facet-more" onClick={() => toggleOpen(group)}>
                {open.has(group) ? 'Show fewer' : `Show all ${values.length}`}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" onClick={onClear} disabled={!filtered}>
        Clear filters
      </button>
    </aside>
  );
}
