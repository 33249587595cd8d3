import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { quoteOf } from '@core/annotations/selectors-of';
import type { Annotation, DocumentRecord } from '@core/model';
import { annotationsRepo } from '../../db/annotations-repo';
import { useShownAnnotations } from '../all-annotations/shown-annotations';
import type { ExportContext } from './export-scopes';

/**
 * What the export dialog can offer now: the pledge selected in the reader (or whose dossier
 * is open), the open document, and the rows the All annotations table shows.
 */
export function useExportContext(
  selected: Annotation | null,
  dossierPledgeId: string | null,
  openDocument: DocumentRecord | null,
): ExportContext {
  const shown = useShownAnnotations();
  const dossierPledge = useLiveQuery(
    async () => (dossierPledgeId ? ((await annotationsRepo().get(dossierPledgeId)) ?? null) : null),
    [dossierPledgeId],
  );
  return useMemo(() => {
    const pledge = dossierPledgeId
      ? (dossierPledge ?? null)
      : selected?.tag === 'pledge'
        ? selected
        : null;
    return {
      pledge: pledge ? { id: pledge.id, quote: quoteOf(pledge) } : null,
      document: openDocument ? { id: openDocument.id, title: openDocument.title } : null,
      shown,
    };
  }, [selected, dossierPledgeId, dossierPledge, openDocument, shown]);
}
