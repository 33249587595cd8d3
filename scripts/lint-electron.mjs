#!/usr/bin/env node
/*
 * Runs Electronegativity (Doyensec's security linter for Electron apps) on the desktop shell:
 * src/main and src/preload (tests left out), the built page out/renderer/index.html (where the
 * Content-Security-Policy is), and package.json. Fails on any finding of medium or higher
 * severity that scripts/electronegativity-allow.json does not list with a reason, on allow-list
 * entries that no longer match anything, and on files it could not parse.
 *
 *   node scripts/lint-electron.mjs               the app
 *   node scripts/lint-electron.mjs --input DIR   any folder as it is (used by the tests)
 *
 * The linter is run from its API rather than its command line so that it stays offline: its
 * command line fetches translations, and one check (AvailableSecurityFixesGlobalCheck) fetches
 * Electron's release list from GitHub on every run.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const ALLOW_LIST = join(root, 'scripts', 'electronegativity-allow.json');
const OFFLINE_EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const MEDIUM = 2;

function parseArgs(argv) {
  const index = argv.indexOf('--input');
  return { input: index >= 0 ? resolve(argv[index + 1] ?? '') : undefined };
}

function copyTree(from, to, keep) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) copyTree(source, join(to, entry.name), keep);
    else if (keep(entry.name)) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, join(to, entry.name));
    }
  }
}

/** The files the linter reads, laid out under their own paths so findings name real files. */
function stageApp() {
  const page = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(page)) {
    console.log('lint:electron: out/renderer/index.html is missing; building it first');
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const stage = mkdtempSync(join(tmpdir(), 'dossier-electronegativity-'));
  const source = (name) => name.endsWith('.ts') && !/\.test\.ts$|test-kit/.test(name);
  copyTree(join(root, 'src', 'main'), join(stage, 'src', 'main'), source);
  copyTree(join(root, 'src', 'preload'), join(stage, 'src', 'preload'), source);
  mkdirSync(join(stage, 'out', 'renderer'), { recursive: true });
  copyFileSync(page, join(stage, 'out', 'renderer', 'index.html'));
  copyFileSync(join(root, 'package.json'), join(stage, 'package.json'));
  return stage;
}

/** Makes the linter's HTTP client fail at once instead of reaching the network. */
function keepOffline() {
  const linterDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = createRequire(join(linterDir, 'dist', 'index.js')).resolve('got');
  const offline = () =>
    Promise.reject(new Error('offline: Dossier runs this linter without network'));
  offline.head = offline;
  offline.get = offline;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
  process.env.LANG = 'en-US';
}

async function runLinter(input) {
  keepOffline();
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const log = console.log;
  console.log = () => {}; // the linter's own chatter ("Could not retrieve updated translations…")
  try {
    return await run(
      {
        input,
        isRelative: true,
        excludeFromScan: OFFLINE_EXCLUDED_CHECKS,
        electronVersionOverride: electronVersion,
        severitySet: 'informational',
        confidenceSet: 'tentative',
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

function loadAllowList() {
  const entries = JSON.parse(readFileSync(ALLOW_LIST, 'utf8'));
  for (const entry of entries) {
    if (typeof entry.id !== 'string' || typeof entry.file !== 'string' || !entry.reason?.trim()) {
      throw new Error(`${ALLOW_LIST}: every entry needs an id, a file and a reason`);
    }
  }
  return entries;
}

const where = (issue) => `${issue.file}:${issue.location.line}:${issue.location.column}`;

async function main() {
  const { input } = parseArgs(process.argv.slice(2));
  const scanned = input ?? stageApp();
  try {
    const { issues, errors } = await runLinter(scanned);
    const allowList = input ? [] : loadAllowList();
    const used = new Set();
    const failures = [];
    for (const issue of issues) {
      const label = `${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${where(issue)}`;
      if (issue.severity.value < MEDIUM) {
        console.log(`  note     ${label}`);
        continue;
      }
      const allowed = allowList.find((e) => e.id === issue.id && e.file === issue.file);
      if (allowed) {
        used.add(allowed);
        console.log(`  allowed  ${label}\n           ${allowed.reason}`);
      } else {
        failures.push(`${label}\n           ${issue.description} ${issue.shortenedURL ?? ''}`);
      }
    }
    for (const entry of allowList) {
      if (!used.has(entry))
        failures.push(`allow-list entry matches nothing, remove it: ${entry.id} ${entry.file}`);
    }
    for (const error of errors.filter((e) => !e.tolerable)) {
      failures.push(`could not parse ${relative(scanned, error.file)}: ${error.message}`);
    }
    if (failures.length > 0) {
      console.error(
        `Electronegativity: ${failures.length} problem(s) of medium or higher severity:`,
      );
      for (const failure of failures) console.error(`  ${failure}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `Electronegativity: no unexplained finding of medium or higher severity (${issues.length} finding(s) in all).`,
    );
  } finally {
    if (!input) rmSync(scanned, { recursive: true, force: true });
  }
}

await main();
