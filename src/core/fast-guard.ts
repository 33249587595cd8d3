import type { z } from 'zod';

/**
 * A quick yes to "does this value fit the schema?", for reading tens of thousands of stored
 * records. Zod itself compiles such a check with `new Function`, which the app's Content
 * Security Policy forbids, and checks each value about five times slower without it (about
 * 400 ms for 50,000 document records). This walks the schema once and builds the check from
 * closures instead.
 *
 * It covers the kinds of schema the model uses (objects, strings with lengths and patterns,
 * numbers with bounds, enums, literals, arrays, unions, optional and nullable); any other part
 * of a schema is checked by zod itself. A `false` may be wrong in the safe direction only
 * (it can refuse what zod would take, never take what zod refuses): callers ask zod about
 * what it refuses (see `fitsSchema`).
 */
export type Guard = (value: unknown) => boolean;

/** The parts of zod's schema definitions read here (zod 4 exposes them as `def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** A check on a string's or array's length or a number's value; null if not covered here. */
function checkOf(def: CheckDef): ((value: never) => boolean) | null {
  switch (def.check) {
    case 'min_length':
      return (v: { length: number }) => v.length >= (def.minimum ?? 0);
    case 'max_length':
      return (v: { length: number }) => v.length <= (def.maximum ?? Infinity);
    case 'length_equals':
      return (v: { length: number }) => v.length === def.length;
    case 'string_format':
      return def.format === 'regex' && def.pattern && !def.pattern.global && !def.pattern.sticky
        ? (v: string) => (def.pattern as RegExp).test(v)
        : null;
    case 'number_format':
      return def.format === 'safeint' ? (v: number) => Number.isSafeInteger(v) : null;
    case 'greater_than': {
      const bound = def.value ?? 0;
      return def.inclusive ? (v: number) => v >= bound : (v: number) => v > bound;
    }
    case 'less_than': {
      const bound = def.value ?? 0;
      return def.inclusive ? (v: number) => v <= bound : (v: number) => v < bound;
    }
    default:
      return null;
  }
}

/** Applies the schema's checks after `base`; null if one of them is not covered here. */
function withChecks(def: Def, base: Guard): Guard | null {
  const checks = (def.checks ?? []).map((c) => checkOf(c._zod.def));
  if (checks.some((c) => c === null)) return null;
  const all = checks as ((value: unknown) => boolean)[];
  if (all.length === 0) return base;
  return (v) => base(v) && all.every((check) => check(v));
}

/**
 * The parts of each kind's definition this understands. A definition with any other part (a
 * format such as z.email(), coercion, a default, an exclusive union…) is left to zod.
 */
const KNOWN: Record<string, readonly string[]> = {
  string: ['type', 'checks'],
  number: ['type', 'checks'],
  boolean: ['type'],
  unknown: ['type'],
  any: ['type'],
  enum: ['type', 'entries'],
  literal: ['type', 'values'],
  optional: ['type', 'innerType'],
  nullable: ['type', 'innerType'],
  array: ['type', 'element', 'checks'],
  // A discriminated union: its options' discriminators differ, so at most one can fit.
  union: ['type', 'options', 'discriminator', 'inclusive'],
  object: ['type', 'shape', 'catchall'],
};

function understood(def: Def): boolean {
  const known = KNOWN[def.type];
  if (!known || !Object.keys(def).every((key) => known.includes(key))) return false;
  // An exclusive union (z.xor) fails when several options fit; a discriminated one cannot.
  return !(def.type === 'union' && 'inclusive' in def && !('discriminator' in def));
}

function build(schema: z.ZodType): Guard | null {
  const def = defOf(schema);
  if (!understood(def)) return null;
  switch (def.type) {
    case 'string':
      return withChecks(def, (v) => typeof v === 'string');
    case 'number':
      return withChecks(def, (v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => (typeof v === 'string' || typeof v === 'number') && allowed.has(v);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (v) => allowed.has(v);
    }
    case 'optional':
    case 'nullable': {
      const inner = def.innerType ? guardOf(def.innerType) : null;
      if (!inner) return null;
      const empty = def.type === 'optional' ? undefined : null;
      return (v) => v === empty || inner(v);
    }
    case 'array': {
      const element = def.element ? guardOf(def.element) : null;
      return element ? withChecks(def, (v) => Array.isArray(v) && v.every(element)) : null;
    }
    case 'union': {
      const options = (def.options ?? []).map(guardOf);
      return (v) => options.some((option) => option(v));
    }
    case 'object': {
      // Unknown keys are let through (and stripped by zod), unless the schema says otherwise.
      if (def.catchall && defOf(def.catchall).type !== 'unknown') return null;
      const fields = Object.entries(def.shape ?? {}).map(([key, s]) => [key, guardOf(s)] as const);
      return (v) => isPlainObject(v) && fields.every(([key, fits]) => fits(v[key]));
    }
    default:
      return null;
  }
}

/** The quick check for this schema: built from its parts, or zod itself where not covered. */
export function guardOf(schema: z.ZodType): Guard {
  return build(schema) ?? ((v) => schema.safeParse(v).success);
}

/**
 * Whether a value fits the schema, and if not, why (zod's first issue, with its path): the
 * quick check answers almost every time, zod only for what it refuses.
 */
export function fitsSchema(
  schema: z.ZodType,
  guard: Guard,
  value: unknown,
): { ok: true } | { ok: false; issue: string } {
  if (guard(value)) return { ok: true };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true };
  const [first] = parsed.error.issues;
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return { ok: false, issue: `${where}${first?.message ?? 'does not fit'}` };
}
