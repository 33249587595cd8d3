import { randomUUID } from 'node:crypto';
import { open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FoundFile {
  absPath: string;
  /** Relative to the walked root (or just the name for picked files), '/' separated. */
  relativePath: string;
  size: number;
}

export const DEFAULT_MAX_READ_BYTES = 200 * 1024 * 1024;
/** Picking a home directory by mistake should fail fast rather than register a million files. */
export const DEFAULT_MAX_WALK_FILES = 50_000;

const OS_JUNK = new Set(['thumbs.db', 'desktop.ini', '.ds_store', 'ehthumbs.db', 'icon\r']);

function isSkippedName(name: string): boolean {
  return name.startsWith('.') || OS_JUNK.has(name.toLowerCase());
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function byRelativePath(a: FoundFile, b: FoundFile): number {
  // Code-unit order rather than locale order so the result is the same on every machine.
  if (a.relativePath < b.relativePath) return -1;
  return a.relativePath > b.relativePath ? 1 : 0;
}

/**
 * Every regular file under root, recursively. Hidden entries and OS junk are skipped; symbolic
 * links to files are followed but links to directories are not, so a link loop cannot recur
 * forever. Entries that cannot be read are skipped; only an unreadable root is an error.
 */
export async function walkFolder(
  root: string,
  options: { maxFiles?: number } = {},
): Promise<FoundFile[]> {
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_WALK_FILES;
  const rootStat = await stat(root).catch((error: unknown) => {
    const reason = errorCode(error) ?? String(error);
    throw new Error(`Cannot open folder "${basename(root)}": ${reason}`, { cause: error });
  });
  if (!rootStat.isDirectory()) throw new Error(`Not a folder: "${basename(root)}"`);

  const found: FoundFile[] = [];
  const pending: { dir: string; prefix: string }[] = [{ dir: root, prefix: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const entries = await readdir(next.dir, { withFileTypes: true }).catch(() => undefined);
    if (!entries) continue;
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const absPath = join(next.dir, entry.name);
      const relativePath = next.prefix + entry.name;
      if (entry.isDirectory()) {
        pending.push({ dir: absPath, prefix: `${relativePath}/` });
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue; // sockets, fifos, devices
      const info = await stat(absPath).catch(() => undefined); // broken link, vanished, no access
      if (!info?.isFile()) continue;
      found.push({ absPath, relativePath, size: info.size });
      if (found.length > maxFiles) {
        throw new Error(`Folder "${basename(root)}" holds more than ${maxFiles} files`);
      }
    }
  }
  return found.sort(byRelativePath);
}

/** Size and name of files the user picked one by one; anything that is not a readable file is dropped. */
export async function statFiles(paths: readonly string[]): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const absPath of paths) {
    const info = await stat(absPath).catch(() => undefined);
    if (info?.isFile()) found.push({ absPath, relativePath: basename(absPath), size: info.size });
  }
  return found;
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Reads a whole file, refusing anything larger than maxBytes. The size comes from the open handle
 * and exactly that many bytes are read, so a file that grows meanwhile cannot exceed the limit.
 */
export async function readFileChecked(
  absPath: string,
  maxBytes: number = DEFAULT_MAX_READ_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  const name = basename(absPath);
  let handle;
  try {
    handle = await open(absPath, 'r');
  } catch (error) {
    const code = errorCode(error);
    const cause = { cause: error };
    if (code === 'ENOENT') throw new Error(`File not found: "${name}" (moved or deleted?)`, cause);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new Error(`No permission to read "${name}"`, cause);
    }
    throw new Error(`Cannot open "${name}": ${code ?? String(error)}`, cause);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`Not a file: "${name}"`);
    if (info.size > maxBytes) {
      throw new Error(
        `File "${name}" is too large (${formatMiB(info.size)}; the limit is ${formatMiB(maxBytes)})`,
      );
    }
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, filled);
      if (bytesRead === 0) break; // the file shrank while being read
      filled += bytesRead;
    }
    return filled === bytes.byteLength ? bytes : bytes.slice(0, filled);
  } finally {
    await handle.close();
  }
}

/**
 * Writes through a temporary file in the same directory and a rename, so an existing report
 * is either fully replaced or left untouched, never half-written.
 */
export async function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
