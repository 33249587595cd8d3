import { useRef, useState, type ReactNode } from 'react';
import { getHost } from '../host';
import { notify } from './notices';
import { saveChart } from './save-chart';

interface Props {
  title: string;
  /** File name for saving, without extension. */
  fileName: string;
  chart: ReactNode;
  table: ReactNode;
  /** Which the frame shows first. */
  startWith?: 'chart' | 'table';
}

/** A chart with its numbers as a table one click away, and Save as SVG / PNG. */
export function ChartFrame({ title, fileName, chart, table, startWith = 'chart' }: Props) {
  const [asTable, setAsTable] = useState(startWith === 'table');
  const holder = useRef<HTMLDivElement>(null);
  const save = (format: 'svg' | 'png') => {
    const svg = holder.current?.querySelector('svg');
    if (!(svg instanceof SVGSVGElement)) return;
    saveChart(getHost(), svg, fileName, format).then(
      (saved) => (saved ? notify(`Chart saved as ${format.toUpperCase()}.`) : undefined),
      (error: unknown) => notify(`The chart could not be saved: ${String(error)}`),
    );
  };
  return (
    <figure className="chart-frame" aria-label={title}>
      <figcaption className="chart-actions">
        <span className="chart-title">{title}</span>
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
          {asTable ? 'Show chart' : 'Show as table'}
        </button>
        {!asTable ? (
          <>
            <button type="button" onClick={() => save('svg')}>
              Save as SVG
            </button>
            <button type="button" onClick={() => save('png')}>
              Save as PNG
            </button>
          </>
        ) : null}
      </figcaption>
      <div ref={holder} className="chart-body">
        {asTable ? table : chart}
      </div>
    </figure>
  );
}
