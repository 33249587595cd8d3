import type { ReportChart } from '@core/export/report-types';
import { svgToPng } from '../../ui/save-chart';

/**
 * Word reads a picture as PNG, and turning an SVG into a PNG needs an image decoder and a
 * canvas, which a worker lacks (Chromium does not decode SVG there). So the report worker
 * asks the page that started it: the page draws the SVG on a canvas, offline, as Save as PNG
 * does, and answers with the PNG's bytes.
 */

/** Turns a chart's SVG into a PNG of it. */
export type Rasterise = (
  chart: Pick<ReportChart, 'svg' | 'width' | 'height'>,
) => Promise<Uint8Array>;

export type ChartRasterRequest = {
  type: 'chart-raster';
  id: number;
  svg: string;
  width: number;
  height: number;
};
export type ChartRasterReply =
  | { type: 'chart-raster'; id: number; ok: true; png: Uint8Array }
  | { type: 'chart-raster'; id: number; ok: false; error: string };

/** Beyond this a request is no chart of ours: the page refuses it. */
const MAX_SIDE = 4000;
const MAX_SVG_LENGTH = 4_000_000;
/** A page that does not answer (closing) must not hold the export up for long. */
const TIMEOUT_MS = 30_000;

/** Inside a worker: asks the page for each PNG (see serveChartRaster). */
export function relayedRaster(): Rasterise {
  const pending = new Map<number, (reply: ChartRasterReply) => void>();
  let nextId = 1;
  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    const reply = event.data as Partial<ChartRasterReply> | null;
    if (reply?.type !== 'chart-raster' || typeof reply.id !== 'number') return;
    pending.get(reply.id)?.(reply as ChartRasterReply);
    pending.delete(reply.id);
  });
  return ({ svg, width, height }) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the page did not draw the chart in time'));
      }, TIMEOUT_MS);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.ok) resolve(reply.png);
        else reject(new Error(reply.error));
      });
      const request: ChartRasterRequest = { type: 'chart-raster', id, svg, width, height };
      self.postMessage(request);
    });
}

/** On the page: answers a worker's requests for a chart's PNG. */
export function serveChartRaster(worker: Worker, rasterise = svgToPng): void {
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const request = event.data as Partial<ChartRasterRequest> | null;
    if (request?.type !== 'chart-raster' || typeof request.id !== 'number') return;
    const { id, svg, width, height } = request;
    const reply = (message: ChartRasterReply, transfer: Transferable[] = []) =>
      worker.postMessage(message, transfer);
    const side = (n: unknown): n is number =>
      typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= MAX_SIDE;
    if (typeof svg !== 'string' || svg.length > MAX_SVG_LENGTH || !side(width) || !side(height)) {
      reply({ type: 'chart-raster', id, ok: false, error: 'not a chart this page draws' });
      return;
    }
    rasterise(svg, width, height).then(
      (png) => reply({ type: 'chart-raster', id, ok: true, png }, [png.buffer]),
      (error: unknown) => reply({ type: 'chart-raster', id, ok: false, error: String(error) }),
    );
  });
}
