import type { FacetGroup, Facets } from '@core/search/query/facets';

const GROUPS: { group: FacetGroup; legend: string }[] = [
  { group: 'format', legend: 'Type' },
  { group: 'source', legend: 'Source' },
  { group: 'year', legend: 'Year' },
  { group: 'tags', legend: 'Has annotations' },
];

interface Props {
  facets: Facets;
  onToggle: (group: FacetGroup, value: string) => void;
  onClear: () => void;
  filtered: boolean;
}

/** Filters with counts over the results: ticking values combines them. */
export function FacetPanel({ facets, onToggle, onClear, filtered }: Props) {
  return (
    <aside className="facets" aria-label="Filters">
      {GROUPS.map(({ group, legend }) => {
        const values = facets[group].filter((f) => f.count > 0 || f.selected);
        if (values.length === 0) return null;
        return (
          <fieldset key={group} className="facet-group">
            <legend>{legend}</legend>
            {values.map((f) => (
              <label key={f.value} className="facet" title={f.label}>
                <input
                  type="checkbox"
                  checked={f.selected}
                  onChange={() => onToggle(group, f.value)}
                />
                <span className="facet-label">{f.label}</span>{' '}
                <span className="facet-count">{f.count}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      <button type="button" onClick={onClear} disabled={!filtered}>
        Clear filters
      </button>
    </aside>
  );
}
