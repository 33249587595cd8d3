import { describe, expect, it } from 'vitest';
import { describeImport, ImportQueue, type QueueState } from './import-queue';

/** An import the test finishes by hand, noting the order things happen in. */
function manualImports() {
  const log: string[] = [];
  const pending = new Map<string, { finish: () => void; fail: (e: Error) => void }>();
  const run = (name: string, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      signal.addEventListener('abort', () => {
        log.push(`abort ${name}`);
        // A cancelled import still finishes, keeping what it did.
        resolve(`${name} (cancelled)`);
      });
      pending.set(name, {
        finish: () => resolve(`${name} done`),
        fail: (error) => reject(error),
      });
    });
  return { log, pending, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ImportQueue', () => {
  it('runs an import asked for during another after it, not never', async () => {
    const { log, pending, run } = manualImports();
    const states: QueueState<string>[] = [];
    const queue = new ImportQueue(run, (s) => states.push(s));
    const first = queue.add('files', 'a.txt');
    const second = queue.add('folder', 'folder “reports”');
    expect(log).toEqual(['start files']);
    expect(queue.state()).toEqual({
      running: { id: 1, request: 'files', label: 'a.txt' },
      waiting: [{ id: 2, request: 'folder', label: 'folder “reports”' }],
    });
    pending.get('files')?.finish();
    expect(await first).toBe('files done');
    await tick();
    expect(log).toEqual(['start files', 'start folder']);
    pending.get('folder')?.finish();
    expect(await second).toBe('folder done');
    await tick();
    expect(queue.idle).toBe(true);
    expect(states.at(-1)).toEqual({ running: null, waiting: [] });
  });

  it('keeps the order of several waiting imports', async () => {
    const { log, pending, run } = manualImports();
    const queue = new ImportQueue(run);
    const results = ['one', 'two', 'three'].map((name) => queue.add(name, name));
    for (const name of ['one', 'two', 'three']) {
      await tick();
      pending.get(name)?.finish();
    }
    expect(await Promise.all(results)).toEqual(['one done', 'two done', 'three done']);
    expect(log).toEqual(['start one', 'start two', 'start three']);
  });

  it('cancels the running import only, and then starts the next', async () => {
    const { log, run } = manualImports();
    const queue = new ImportQueue(run);
    const first = queue.add('first', 'first');
    const second = queue.add('second', 'second');
    queue.cancelRunning();
    expect(await first).toBe('first (cancelled)');
    await tick();
    expect(log).toEqual(['start first', 'abort first', 'start second']);
    expect(queue.state().running?.request).toBe('second');
    queue.cancelRunning();
    expect(await second).toBe('second (cancelled)');
  });

  it('takes one waiting import, or all of them, off the queue', async () => {
    const { log, pending, run } = manualImports();
    const queue = new ImportQueue(run);
    const running = queue.add('a', 'a');
    const b = queue.add('b', 'b');
    const c = queue.add('c', 'c');
    const d = queue.add('d', 'd');
    queue.cancelWaiting(3);
    expect(await c).toBeNull();
    expect(queue.state().waiting.map((w) => w.request)).toEqual(['b', 'd']);
    queue.cancelWaiting();
    expect([await b, await d]).toEqual([null, null]);
    pending.get('a')?.finish();
    expect(await running).toBe('a done');
    await tick();
    expect(log).toEqual(['start a']);
    expect(queue.idle).toBe(true);
  });

  it('goes on with the next import when one fails', async () => {
    const { pending, run } = manualImports();
    const queue = new ImportQueue(run);
    const failing = queue.add('bad', 'bad');
    const next = queue.add('good', 'good');
    pending.get('bad')?.fail(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    await tick();
    pending.get('good')?.finish();
    expect(await next).toBe('good done');
  });
});

describe('describeImport', () => {
  const file = (relativePath: string) => ({
    name: relativePath.split('/').pop() ?? relativePath,
    relativePath,
  });

  it('names what each kind of import brings in', () => {
    expect(describeImport({ files: [file('notes/a.txt')], origin: 'folder' })).toBe('a.txt');
    expect(
      describeImport({ files: [file('samples/a.txt'), file('samples/b.pdf')], origin: 'samples' }),
    ).toBe('the sample collection');
    expect(
      describeImport({
        files: [file('reports/a.txt'), file('reports/2015/b.pdf'), file('reports/c.docx')],
        origin: 'folder',
      }),
    ).toBe('folder “reports” (3 files)');
    expect(
      describeImport({ files: [file('a.txt'), file('b.pdf'), file('c.md')], origin: 'drop' }),
    ).toBe('3 files: a.txt, b.pdf, …');
    expect(describeImport({ files: [file('memo.txt')], origin: 'files', versionOf: 'doc-1' })).toBe(
      'new version from memo.txt',
    );
    expect(
      describeImport({ files: [file('brief.pdf')], origin: 'folder', password: 'secret' }),
    ).toBe('brief.pdf with its password');
    expect(
      describeImport({
        files: [file('report.txt')],
        origin: 'files',
        versionOf: 'doc-1',
        encoding: 'shift_jis',
      }),
    ).toBe('report.txt read as Shift_JIS');
  });
});
