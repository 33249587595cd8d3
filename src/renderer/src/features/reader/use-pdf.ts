import { useEffect, useState } from 'react';
import { originalsRepo } from '../../db/originals-repo';
import { openPdf, type OpenPdf } from './pdf-engine';

export type PdfState =
  { status: 'loading' } | { status: 'ready'; doc: OpenPdf } | { status: 'failed'; reason: string };

/** The document's original PDF, opened with pdf.js while the reader shows it. */
export function usePdf(docId: string | null, version: number): PdfState {
  const [state, setState] = useState<PdfState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: OpenPdf | null = null;
    setState({ status: 'loading' });
    if (!docId) return;
    void (async () => {
      try {
        const bytes = await originalsRepo().bytes(docId);
        if (!bytes) throw new Error('the original file is not in the library');
        const doc = await openPdf(bytes);
        if (cancelled) {
          await doc.close();
          return;
        }
        opened = doc;
        setState({ status: 'ready', doc });
      } catch (error) {
        if (!cancelled) setState({ status: 'failed', reason: String(error) });
      }
    })();
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [docId, version]);
  return state;
}
