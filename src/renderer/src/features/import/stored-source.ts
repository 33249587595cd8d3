import { documentsRepo } from '../../db/documents-repo';
import { originalsRepo } from '../../db/originals-repo';
import type { SourceFile } from '../../host';

/**
 * A stored document's original file, as a file to import again (read as another encoding):
 * the library keeps every document's bytes, so this works in every host and long after the
 * files chosen for the import are gone.
 */
export async function storedSource(docId: string): Promise<SourceFile | null> {
  const [record, bytes] = await Promise.all([
    documentsRepo().get(docId),
    originalsRepo().bytes(docId),
  ]);
  if (!record || !bytes) return null;
  return {
    name: record.fileName,
    relativePath: record.filePath,
    size: bytes.byteLength,
    read: async () => bytes,
  };
}
