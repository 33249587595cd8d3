interface Props {
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
  /** The two fields' names, e.g. "From date" and "To date". */
  labels?: [string, string];
}

/** Two date fields bounding a period (inclusive ISO dates), as every list's filters use them. */
export function DateRange({ from, to, onChange, labels = ['From date', 'To date'] }: Props) {
  return (
    <>
      <label className="field">
        {labels[0]}
        <input
          type="date"
          value={from ?? ''}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </label>
      <label className="field">
        {labels[1]}
        <input type="date" value={to ?? ''} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
    </>
  );
}
