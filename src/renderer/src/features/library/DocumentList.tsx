import type { DocumentRecord } from '@core/model';

interface Props {
  documents: readonly DocumentRecord[];
  counts: Map<string, number> | undefined;
  openId: string | null;
  onOpen: (id: string) => void;
}

export function DocumentList({ documents, counts, openId, onOpen }: Props) {
  return (
    <nav aria-label="Library">
      <h2>Library ({documents.length})</h2>
      <ul className="document-list">
        {documents.map((doc) => {
          const n = counts?.get(doc.id) ?? 0;
          return (
            <li key={doc.id}>
              <button
                type="button"
                className="document-item"
                aria-current={doc.id === openId ? 'true' : undefined}
                onClick={() => onOpen(doc.id)}
              >
                <span className="title">{doc.title}</span>
                <span className="meta">
                  {doc.source ?? 'Unknown source'} · {doc.date ?? 'undated'}
                  {n > 0 ? ` · ${n} annotation${n === 1 ? '' : 's'}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
