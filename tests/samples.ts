import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestFile } from '../src/core/ingest';
import type { ParsedDocument } from '../src/core/model';
import type { IndexableDoc } from '../src/core/search/engine/types';
import { nodePdfEngine } from './pdf-engine';

export const SAMPLES_DIR = fileURLToPath(new URL('../resources/samples/', import.meta.url));

export interface SampleFile {
  name: string;
  bytes: Uint8Array;
}

export function sampleFiles(): SampleFile[] {
  return readdirSync(SAMPLES_DIR)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(SAMPLES_DIR + name)) }));
}

/** The bundled samples, parsed by the real ingest step. */
export async function parsedSamples(): Promise<(ParsedDocument & { id: string })[]> {
  return Promise.all(
    sampleFiles().map(async ({ name, bytes }) => {
      const result = await ingestFile(name, bytes, { pdf: nodePdfEngine });
      if (result.status !== 'ok') throw new Error(`${name}: ${result.reason}`);
      return { ...result.doc, id: name };
    }),
  );
}

/** The bundled samples as the search engine indexes them. */
export async function indexableSamples(): Promise<IndexableDoc[]> {
  return (await parsedSamples()).map((d) => ({
    id: d.id,
    title: d.title,
    source: d.source ?? '',
    author: d.author ?? '',
    body: d.text,
    language: d.language,
  }));
}
