import { z } from 'zod';
import { IsoDateSchema } from './model';
import { isRealIsoDate } from './text/calendar';

/** Trimmed text where an empty field means "not known". */
const OptionalTextSchema = z
  .string()
  .trim()
  .transform((value) => value || null)
  .nullable();

const DATE_FORMAT_MESSAGE = 'Write the date as YYYY-MM-DD, or leave it empty.';
const DATE_REAL_MESSAGE = 'This is not a real date.';

/** YYYY-MM-DD naming a day that exists (no 2015-02-30), or empty for "undated". */
const OptionalDateSchema = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(IsoDateSchema.refine(isRealIsoDate, DATE_REAL_MESSAGE).nullable())
  .nullable();

/**
 * The document details an analyst can correct by hand. Parsing yields a complete
 * DocumentMeta, so a patch can be written over a record as it is.
 */
export const MetaPatchSchema = z.object({
  title: z.string().trim().min(1, { message: 'A title is required.' }),
  source: OptionalTextSchema,
  date: OptionalDateSchema,
  author: OptionalTextSchema,
  url: OptionalTextSchema,
  language: OptionalTextSchema,
});
export type MetaPatch = z.infer<typeof MetaPatchSchema>;
export type MetaField = keyof MetaPatch;

export const META_FIELDS: readonly MetaField[] = Object.freeze(MetaPatchSchema.keyof().options);

export type MetaFormResult =
  { ok: true; patch: MetaPatch } | { ok: false; errors: Partial<Record<MetaField, string>> };

/**
 * Form values (every field a string, a missing one counting as empty) to a patch, or to one
 * message per field that is wrong, worded to be shown under that field.
 */
export function parseMetaForm(values: Record<string, string>): MetaFormResult {
  const input = Object.fromEntries(META_FIELDS.map((field) => [field, values[field] ?? '']));
  const parsed = MetaPatchSchema.safeParse(input);
  if (parsed.success) return { ok: true, patch: parsed.data };
  const errors: Partial<Record<MetaField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isMetaField(field) || errors[field]) continue;
    errors[field] =
      field === 'date' && issue.code === 'invalid_format' ? DATE_FORMAT_MESSAGE : issue.message;
  }
  return { ok: false, errors };
}

function isMetaField(key: unknown): key is MetaField {
  return typeof key === 'string' && (META_FIELDS as readonly string[]).includes(key);
}
