import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { documentsRepo } from '../../db/documents-repo';
import { Dialog } from '../../ui/Dialog';
import { deleteDocuments, describeRemoval } from './delete-documents';

/** Asks before deleting documents, saying how many annotations and links go with them. */
export function DeleteDocumentsDialog({
  ids,
  onClose,
}: {
  ids: readonly string[];
  onClose: (deleted: boolean) => void;
}) {
  const impact = useLiveQuery(() => documentsRepo().removalImpact(ids), [ids]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const title = ids.length === 1 ? 'Delete document' : 'Delete documents';
  return (
    <Dialog title={title} onClose={() => onClose(false)} initialFocus={cancelRef}>
      <p>
        {impact
          ? `Delete ${describeRemoval(ids.length, impact)}?`
          : `Delete ${ids.length} document${ids.length === 1 ? '' : 's'}?`}{' '}
        Their text and original files are removed from the library. You can undo this.
      </p>
      {error ? <p role="alert">Could not delete: {error}</p> : null}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" onClick={() => onClose(false)} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy || !impact}
          onClick={() => {
            setBusy(true);
            deleteDocuments(ids).then(
              () => onClose(true),
              (e: unknown) => {
                setBusy(false);
                setError(e instanceof Error ? e.message : String(e));
              },
            );
          }}
        >
          Delete
        </button>
      </div>
    </Dialog>
  );
}
