/**
 * Writes resources/sample-annotations.json from scripts/samples/sample-annotations.spec.json:
 * each chosen quote is found in its sample's text as Dossier imports it, and stored with the
 * selectors every annotation carries (quote with context, position, page for PDFs) and the
 * sample's SHA-256. Run after changing a sample or the spec: npx tsx scripts/make-sample-annotations.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describeRange } from '../src/core/anchoring';
import {
  SampleAnnotationsSchema,
  type SampleAnnotation,
} from '../src/core/samples/sample-annotations';
import { parsedSamples, sampleFiles } from '../tests/samples';

interface SpecEntry extends Omit<
  SampleAnnotation,
  'prefix' | 'suffix' | 'start' | 'end' | 'page' | 'file'
> {
  /** The start of the sample's file name (its date). */
  file: string;
  /** Which occurrence of the quote, when it appears more than once (0 = first). */
  occurrence?: number;
}

const spec = JSON.parse(
  readFileSync(new URL('./samples/sample-annotations.spec.json', import.meta.url), 'utf8'),
) as { annotations: SpecEntry[]; links: { from: string; to: string; relation: string }[] };

const docs = await parsedSamples();
const files = Object.fromEntries(
  sampleFiles().map((f) => [f.name, createHash('sha256').update(f.bytes).digest('hex')]),
);

const annotations = spec.annotations.map(({ occurrence = 0, file, ...entry }) => {
  const doc = docs.find((d) => d.id.startsWith(file));
  if (!doc) throw new Error(`no sample file starts with ${file}`);
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = doc.text.indexOf(entry.exact, start + 1);
  if (start < 0) throw new Error(`${entry.id}: "${entry.exact}" is not in ${doc.id}`);
  const [quote, position] = describeRange(doc.text, { start, end: start + entry.exact.length });
  const page = doc.pages?.findIndex((p) => start >= p.start && start < p.end);
  return {
    ...entry,
    file: doc.id,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    ...(page !== undefined && page >= 0 ? { page } : {}),
  };
});

const data = SampleAnnotationsSchema.parse({
  version: 1,
  files: Object.fromEntries(annotations.map((a) => [a.file, files[a.file]])),
  annotations,
  links: spec.links,
});
const ids = new Set(data.annotations.map((a) => a.id));
for (const link of data.links) {
  if (!ids.has(link.from) || !ids.has(link.to)) throw new Error(`link ${link.from} → ${link.to}`);
}
writeFileSync(
  new URL('../resources/sample-annotations.json', import.meta.url),
  `${JSON.stringify(data, null, 2)}\n`,
);
console.log(`${data.annotations.length} annotations and ${data.links.length} links written.`);
