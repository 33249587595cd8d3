import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { FileRef } from '@core/ipc/contract';

/**
 * Maps opaque ids to files the user chose, so the renderer can ask for bytes without ever
 * holding a path: a compromised page can read only what the user already picked.
 */
export class FileRegistry {
  private readonly pathsById = new Map<string, string>();
  private readonly idsByPath = new Map<string, string>();

  register(absPath: string, relativePath: string, size: number): FileRef {
    // Re-importing the same file reuses its id, which keeps the map bounded by what exists on disk.
    let id = this.idsByPath.get(absPath);
    if (id === undefined) {
      id = randomUUID();
      this.pathsById.set(id, absPath);
      this.idsByPath.set(absPath, id);
    }
    return { id, name: basename(absPath), relativePath, size };
  }

  resolve(id: string): string | undefined {
    return this.pathsById.get(id);
  }

  clear(): void {
    this.pathsById.clear();
    this.idsByPath.clear();
  }
}
