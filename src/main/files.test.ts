import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileChecked, statFiles, walkFolder, writeFileAtomically } from './files';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-files-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(relative: string, content = 'x'): Promise<string> {
  const path = join(root, ...relative.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

describe('walkFolder', () => {
  it('lists nested files sorted by "/"-separated relative path with sizes', async () => {
    await put('b.txt', 'bbb');
    await put('a/z.md', 'zz');
    await put('a/deeper/c.txt', '');
    const found = await walkFolder(root);
    expect(found.map((f) => [f.relativePath, f.size])).toEqual([
      ['a/deeper/c.txt', 0],
      ['a/z.md', 2],
      ['b.txt', 3],
    ]);
    expect(found[0]?.absPath).toBe(join(root, 'a', 'deeper', 'c.txt'));
  });

  it('skips hidden files, hidden folders and OS junk', async () => {
    await put('keep.txt');
    await put('.hidden.txt');
    await put('.git/config');
    await put('Thumbs.db');
    await put('sub/desktop.ini');
    await put('sub/.DS_Store');
    await put('sub/keep-too.txt');
    expect((await walkFolder(root)).map((f) => f.relativePath)).toEqual([
      'keep.txt',
      'sub/keep-too.txt',
    ]);
  });

  it('follows links to files, not links to folders, and survives loops and broken links', async () => {
    const real = await put('real/doc.txt', 'doc');
    await symlink(real, join(root, 'link-to-doc.txt'));
    await symlink(join(root, 'real'), join(root, 'link-to-real'));
    await symlink(root, join(root, 'real', 'loop'));
    await symlink(join(root, 'missing.txt'), join(root, 'broken.txt'));
    expect((await walkFolder(root)).map((f) => f.relativePath)).toEqual([
      'link-to-doc.txt',
      'real/doc.txt',
    ]);
  });

  // Root reads everything regardless of mode bits, so this can only be observed as a normal user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    console.log(
      'Skipping "skips folders it may not read": running as root, which reads any folder.',
    );
  }
  it.skipIf(asRoot)('skips folders it may not read', async () => {
    await put('open/a.txt');
    await put('locked/b.txt');
    await chmod(join(root, 'locked'), 0o000);
    try {
      expect((await walkFolder(root)).map((f) => f.relativePath)).toEqual(['open/a.txt']);
    } finally {
      await chmod(join(root, 'locked'), 0o755);
    }
  });

  it('returns nothing for an empty folder', async () => {
    expect(await walkFolder(root)).toEqual([]);
  });

  it('fails clearly when the root is missing or not a folder', async () => {
    await expect(walkFolder(join(root, 'nope'))).rejects.toThrow(/Cannot open folder "nope"/);
    const file = await put('file.txt');
    await expect(walkFolder(file)).rejects.toThrow(/Not a folder/);
  });

  it('refuses folders with more files than the limit', async () => {
    await put('1.txt');
    await put('2.txt');
    await put('3.txt');
    await expect(walkFolder(root, { maxFiles: 2 })).rejects.toThrow(/more than 2 files/);
  });
});

describe('statFiles', () => {
  it('keeps picked files by name and drops missing paths and folders', async () => {
    const a = await put('dir/a.txt', 'aaaa');
    await mkdir(join(root, 'folder'));
    const found = await statFiles([a, join(root, 'gone.txt'), join(root, 'folder')]);
    expect(found).toEqual([{ absPath: a, relativePath: 'a.txt', size: 4 }]);
  });
});

describe('readFileChecked', () => {
  it('returns the exact bytes as a plain Uint8Array', async () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
    const path = join(root, 'bin.dat');
    await writeFile(path, bytes);
    const read = await readFileChecked(path);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(read)).toBe(false);
    expect([...read]).toEqual([...bytes]);
  });

  it('reads empty files', async () => {
    expect((await readFileChecked(await put('empty.txt', ''))).byteLength).toBe(0);
  });

  it('refuses files over the limit without naming the folder', async () => {
    const path = await put('big.txt', 'x'.repeat(2048));
    await expect(readFileChecked(path, 1024)).rejects.toThrow(/"big.txt" is too large/);
    await expect(readFileChecked(path, 1024)).rejects.not.toThrow(root);
  });

  it('explains a missing file and a folder', async () => {
    await expect(readFileChecked(join(root, 'gone.txt'))).rejects.toThrow(
      /File not found: "gone.txt"/,
    );
    await mkdir(join(root, 'folder'));
    await expect(readFileChecked(join(root, 'folder'))).rejects.toThrow(/"folder"/);
  });
});

describe('writeFileAtomically', () => {
  it('writes UTF-8 text and replaces an existing file, leaving no temporary files', async () => {
    const path = join(root, 'report.md');
    await writeFile(path, 'old content that is longer than the new one');
    await writeFileAtomically(path, '# Rapport — été\n');
    expect(await readFile(path, 'utf8')).toBe('# Rapport — été\n');
    expect(await readdir(root)).toEqual(['report.md']);
  });

  it('writes bytes as they are', async () => {
    const path = join(root, 'report.docx');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0a, 0x0d]);
    await writeFileAtomically(path, bytes);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it('fails when the folder does not exist and leaves nothing behind', async () => {
    await expect(writeFileAtomically(join(root, 'no-such-dir', 'r.md'), 'x')).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });
});
