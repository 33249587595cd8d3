import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * Runs the W3C Web Annotation test suite's JSON-schema assertions (vendored under
 * tests/vendor/w3c-annotation-model) against a value, the way its `.test` files list them:
 * each "must" assertion has an expected result (valid or invalid).
 */
const ROOT = fileURLToPath(new URL('./vendor/w3c-annotation-model/', import.meta.url));

interface Assertion {
  id: string;
  assertionType?: string;
  expectedResult?: 'valid' | 'invalid';
  errorMessage?: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function createSuite() {
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  for (const path of filesUnder(join(ROOT, 'definitions'))) {
    if (path.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(path, 'utf8')) as object);
  }
  const compiled = new Map<
    string,
    { assertion: Assertion; validate: ReturnType<Ajv['compile']> }
  >();
  const assertion = (relative: string) => {
    let entry = compiled.get(relative);
    if (!entry) {
      const schema = JSON.parse(readFileSync(join(ROOT, relative), 'utf8')) as Assertion;
      entry = { assertion: schema, validate: ajv.compile(schema) };
      compiled.set(relative, entry);
    }
    return entry;
  };
  /** Every failed assertion of a `.test` file for `value`, as messages (empty when it passes). */
  return function failures(testFile: string, value: unknown): string[] {
    const test = JSON.parse(readFileSync(join(ROOT, testFile), 'utf8')) as { assertions: string[] };
    const failed: string[] = [];
    for (const relative of test.assertions) {
      const { assertion: a, validate } = assertion(relative);
      const valid = validate(value) as boolean;
      const expected = (a.expectedResult ?? 'valid') === 'valid';
      if (valid !== expected) {
        failed.push(
          `${relative}: ${a.errorMessage ?? 'failed'} ${JSON.stringify(validate.errors?.slice(0, 2))}`,
        );
      }
    }
    return failed;
  };
}

let suite: ReturnType<typeof createSuite> | null = null;

export function w3cFailures(testFile: string, value: unknown): string[] {
  suite ??= createSuite();
  return suite(testFile, value);
}
