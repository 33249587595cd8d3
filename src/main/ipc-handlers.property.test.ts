import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import type { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcContract, type IpcChannel } from '@core/ipc/contract';
import { appEvent, APP_URL, createHandlerTestKit, type HandlerTestKit } from './handler-test-kit';
import { createHandlers, type IpcHandlers } from './ipc-handlers';
import type { SenderEventLike } from './app-policy';

/*
 * Every channel of the contract (channels added later included, without editing this file) is
 * sent malformed, oversized and hostile requests. Each handler must answer an IpcResult and never
 * throw, and may touch only what the simulated user chose (chosen/), the bundled samples and the
 * app's own log: every file-system call is recorded, and a folder the user never chose is
 * compared before and after.
 */

const { fsCalls, recording } = vi.hoisted(() => {
  const fsCalls: { fn: string; paths: string[]; flags?: unknown }[] = [];
  const asPath = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (value instanceof URL) return value.pathname;
    if (value instanceof Uint8Array) return new TextDecoder().decode(value);
    return undefined;
  };
  const TWO_PATHS = new Set(['rename', 'copyFile', 'cp', 'link', 'symlink']);
  const recording = <T extends object>(module: T): T => {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(module)) {
      // Functions only; classes (Stats, Dirent, streams) keep their own identity.
      if (typeof value !== 'function' || !/^[a-z]/.test(name)) {
        wrapped[name] = value;
        continue;
      }
      const fn = value as (...args: unknown[]) => unknown;
      wrapped[name] = (...args: unknown[]) => {
        const base = name.replace(/Sync$/, '');
        const count = TWO_PATHS.has(base) ? 2 : 1;
        const paths = args
          .slice(0, count)
          .map(asPath)
          .filter((p) => p !== undefined);
        if (paths.length > 0) fsCalls.push({ fn: base, paths, flags: args[1] });
        return fn(...args);
      };
    }
    return wrapped as T;
  };
  return { fsCalls, recording };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...recording(actual), default: recording(actual) };
});
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const promises = recording(actual.promises);
  return { ...recording(actual), promises, default: { ...recording(actual), promises } };
});

const WRITES = new Set([
  'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'createWriteStream', 'link', 'lchown',
  'lutimes', 'mkdir', 'mkdtemp', 'rename', 'rm', 'rmdir', 'symlink', 'truncate', 'unlink',
  'utimes', 'writeFile',
]); // prettier-ignore

function isWrite(call: { fn: string; flags?: unknown }): boolean {
  if (WRITES.has(call.fn)) return true;
  if (call.fn !== 'open') return false;
  if (typeof call.flags === 'string') return /[wa+]/.test(call.flags);
  return typeof call.flags === 'number' && (call.flags & 3) !== 0; // O_WRONLY | O_RDWR
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Names and contents of every file under dir, to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    result[relative(dir, path)] = entry.isFile() ? await readFile(path, 'utf8') : '<dir>';
  }
  return result;
}

// Built once: 50 MB of text, an oversized array, a deeply nested object.
const HUGE_STRING = 'x'.repeat(50 * 1024 * 1024);
const HUGE_ARRAY = Array.from({ length: 100_000 }, (_, index) => index);
const DEEP = JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`) as unknown;

function hostileStrings(kit: HandlerTestKit): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '../../outside/secret.txt',
      '..\\..\\outside\\secret.txt',
      join(kit.outsideDir, 'secret.txt'),
      kit.outsideDir,
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      '\\\\server\\share\\report.md',
      'file:///etc/passwd',
      '%2e%2e%2f%2e%2e%2fsecret',
      'CON',
      'nul.md',
      '.bashrc',
      '__proto__',
      'constructor',
      'report\u0000.md',
      '\u202Egpj.md',
      ' ',
      '',
    ),
    fc.string({ maxLength: 40 }).map((tail) => `${'../'.repeat(8)}${tail}`),
    fc.constant(HUGE_STRING),
  );
}

function withHostileKeys(value: Record<string, unknown>, key: string): Record<string, unknown> {
  // JSON.parse makes "__proto__" an own property, as a structured clone from the page would.
  const extra = JSON.parse(`{"${key}": {"polluted": true}}`) as Record<string, unknown>;
  return Object.assign(Object.create(null) as object, value, extra) as Record<string, unknown>;
}

interface ZodDefLike {
  type: string;
  shape?: Record<string, ZodType>;
  entries?: Record<string, string>;
  element?: ZodType;
  innerType?: ZodType;
  options?: ZodType[];
  valueType?: ZodType;
}

const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;

/**
 * Requests shaped like the channel's schema, so they get past validation and reach the handler's
 * own logic, with hostile values in their fields: ids never handed out, path traversal and
 * absolute paths in names, 50 MB strings, odd numbers, __proto__ keys.
 */
function shaped(
  schema: ZodType,
  kit: HandlerTestKit,
  ids: string[],
  key = '',
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const strings = () => {
    const options: fc.Arbitrary<string>[] = [fc.string({ maxLength: 30 }), hostileStrings(kit)];
    if (/id$/i.test(key)) options.push(fc.uuid(), fc.constantFrom(...ids, 'not-an-id'));
    return fc.oneof(...options);
  };
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(
        Object.entries(shape).map(([name, field]) => [name, shaped(field, kit, ids, name)]),
      );
      return fc
        .tuple(fc.record(fields), fc.constantFrom('', '__proto__', 'constructor', 'prototype'))
        .map(([value, extra]) => (extra ? withHostileKeys(value, extra) : value));
    }
    case 'string':
      return strings();
    case 'number':
      return fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, Number.MAX_SAFE_INTEGER + 2));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries ?? {})), strings());
    case 'optional':
      return fc.option(shaped(def.innerType as ZodType, kit, ids, key), { nil: undefined });
    case 'array':
      return fc.oneof(
        fc.array(shaped(def.element as ZodType, kit, ids, key), { maxLength: 5 }),
        fc.constant(HUGE_ARRAY),
      );
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => shaped(option, kit, ids, key)));
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor')),
        shaped(def.valueType as ZodType, kit, ids),
        { maxKeys: 30 },
      );
    default:
      // Bytes and other custom shapes: whatever arrives, including the right kind of thing.
      return fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.anything());
  }
}

function payloads(schema: ZodType, kit: HandlerTestKit, ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: shaped(schema, kit, ids) },
    {
      weight: 2,
      arbitrary: fc.anything({
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        null,
        HUGE_STRING,
        HUGE_ARRAY,
        DEEP,
        new Uint8Array(1024),
        JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
        JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
      ),
    },
  );
}

const channels = Object.keys(ipcContract) as IpcChannel[];
let kit: HandlerTestKit;
let handlers: IpcHandlers<SenderEventLike>;
let sampleIds: string[];

beforeAll(async () => {
  kit = await createHandlerTestKit();
  handlers = createHandlers({ ...kit.deps, now: () => 0 });
  const samples = await handlers['import:samples'](appEvent, {});
  sampleIds = samples.ok ? samples.value.files.map((file) => file.id) : [];
  expect(sampleIds).toHaveLength(2);
});

afterAll(async () => {
  await kit.dispose();
});

function send(channel: IpcChannel, event: SenderEventLike, raw: unknown): Promise<unknown> {
  const handler = handlers[channel] as (event: SenderEventLike, raw: unknown) => Promise<unknown>;
  return handler(event, raw);
}

function expectIpcResult(channel: IpcChannel, result: unknown): void {
  expect(result).toBeTypeOf('object');
  const { ok } = result as { ok: unknown };
  if (ok === true) {
    const { value } = result as { value: unknown };
    expect(ipcContract[channel].response.safeParse(value).success).toBe(true);
  } else {
    expect(result).toEqual({ ok: false, error: expect.any(String) });
    expect((result as { error: string }).error.length).toBeGreaterThan(0);
  }
  // What goes back over IPC must survive a structured clone.
  expect(() => structuredClone(result)).not.toThrow();
}

describe.each(channels)('%s answers hostile requests with an error result', (channel) => {
  it('never throws and touches only what the user chose, the samples and the log', async () => {
    const outsideBefore = await snapshot(kit.outsideDir);
    await fc.assert(
      fc.asyncProperty(payloads(ipcContract[channel].request, kit, sampleIds), async (raw) => {
        kit.dialogCalls.length = 0;
        fsCalls.length = 0;
        let result: unknown;
        try {
          result = await send(channel, appEvent, raw);
        } catch (error) {
          throw new Error(`${channel} threw instead of answering`, { cause: error });
        }
        expectIpcResult(channel, result);
        // Whatever the contract refuses never reaches the handler's work.
        if (!ipcContract[channel].request.safeParse(raw).success) {
          expect(result).toMatchObject({ ok: false, error: /^invalid request: / });
          expect(kit.dialogCalls).toEqual([]);
        }

        for (const call of fsCalls.splice(0)) {
          const allowed = isWrite(call)
            ? [kit.chosenDir, kit.logsDir]
            : [kit.chosenDir, kit.logsDir, kit.samplesDir];
          for (const path of call.paths) {
            expect(
              allowed.some((dir) => inside(dir, path)),
              `${call.fn} ${path}`,
            ).toBe(true);
          }
        }
        // A name from the page only ever becomes a suggestion inside the Documents folder.
        for (const call of kit.dialogCalls) {
          const suggested = (call.options as { defaultPath?: string }).defaultPath;
          if (suggested !== undefined) expect(resolve(suggested, '..')).toBe(kit.documentsDir);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 120 },
    );
    expect(await snapshot(kit.outsideDir)).toEqual(outsideBefore);
    expect(await readdir(kit.documentsDir)).toEqual([]);
  }, 60_000);

  it('refuses every request from a frame that is not the app’s own page', async () => {
    const frames = fc.oneof(
      fc.record({ url: fc.webUrl(), parent: fc.constantFrom(null, undefined, {}) }),
      fc.record({ url: fc.constant(APP_URL), parent: fc.constant({}) }),
      fc.record({
        url: fc.constantFrom('file:///etc/passwd', 'file:///opt/dossier/out/renderer/other.html'),
        parent: fc.constant(null),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          frames.map((senderFrame) => ({ senderFrame })),
          fc.constant({ senderFrame: null }),
          fc.constant({}),
        ),
        shaped(ipcContract[channel].request, kit, sampleIds),
        async (event, raw) => {
          kit.dialogCalls.length = 0;
          fsCalls.length = 0;
          const result = await send(channel, event, raw);
          expect(result).toEqual({ ok: false, error: `untrusted sender (${channel})` });
          expect(kit.dialogCalls).toEqual([]);
          // Only main's own note in its log: nothing read, nothing chosen, nothing written elsewhere.
          expect(fsCalls.every((call) => call.paths.every((p) => inside(kit.logsDir, p)))).toBe(
            true,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
