import { useEffect, useState } from 'react';
import { sourceFromFile } from '../../host/browser-host';
import type { SourceFile } from '../../host';

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function collect(entry: FileSystemEntry, prefix: string, out: SourceFile[]): Promise<void> {
  if (entry.name.startsWith('.')) return;
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.push(sourceFromFile(await fileOf(entry as FileSystemFileEntry), path));
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches; an empty batch means the folder is done.
    for (
      let batch = await readEntries(reader);
      batch.length > 0;
      batch = await readEntries(reader)
    ) {
      for (const child of batch) await collect(child, path, out);
    }
  }
}

/** Files and folders dropped anywhere on the window, walked recursively. */
export function useFileDrop(onFiles: (files: SourceFile[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = async (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const items = Array.from(e.dataTransfer?.items ?? []);
      const entries = items.map((item) => item.webkitGetAsEntry());
      const files: SourceFile[] = [];
      if (entries.every((entry) => entry !== null)) {
        for (const entry of entries) await collect(entry, '', files);
      } else {
        for (const file of Array.from(e.dataTransfer?.files ?? []))
          files.push(sourceFromFile(file));
      }
      if (files.length > 0) onFiles(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFiles]);
  return dragging;
}
