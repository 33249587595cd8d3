import { splitHighlights, type Highlight } from '@core/search';

export function Highlighted({
  text,
  highlights,
}: {
  text: string;
  highlights: readonly Highlight[];
}) {
  return (
    <>
      {splitHighlights(text, highlights).map((run, i) =>
        run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}
