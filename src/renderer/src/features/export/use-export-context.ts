import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { quoteOf } from '@core/annotations/selectors-of';
import { annotationsRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import { useStore } from '../../ui/store';
import { useShownAnnotations } from '../all-annotations/shown-annotations';
import { readerStore } from '../reader/reader-store';
import { useRoute } from '../workspace/route-store';
import type { ExportContext } from './export-scopes';

/**
 * What the export dialog can offer now: the pledge selected in the reader (or whose dossier
 * is open), the document open in the reader, and the rows the All annotations table shows.
 */
export function useExportContext(): ExportContext {
  const route = useRoute();
  const { selectedId } = useStore(readerStore);
  const shown = useShownAnnotations();
  const openDocId = route.view === 'reader' ? route.docId : null;
  const pledgeId =
    route.view === 'dossiers' ? route.pledgeId : route.view === 'reader' ? selectedId : null;
  const pledge = useLiveQuery(async () => {
    const annotation = pledgeId ? await annotationsRepo().get(pledgeId) : undefined;
    return annotation?.tag === 'pledge' ? annotation : null;
  }, [pledgeId]);
  const document = useLiveQuery(
    async () => (openDocId ? ((await documentsRepo().get(openDocId)) ?? null) : null),
    [openDocId],
  );
  return useMemo(
    () => ({
      pledge: pledge ? { id: pledge.id, quote: quoteOf(pledge) } : null,
      document: document ? { id: document.id, title: document.title } : null,
      shown,
    }),
    [pledge, document, shown],
  );
}
