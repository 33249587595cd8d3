import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/*
 * scripts/start-electron.mjs (npm start, npm run preview) in a throwaway project: a copy of the
 * script beside a node_modules with or without Electron's program, and an electron-vite stand-in
 * that reports how it was started.
 */

const script = resolve(import.meta.dirname, '..', 'scripts', 'start-electron.mjs');
let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'dossier-start-'));
  mkdirSync(join(project, 'scripts'));
  copyFileSync(script, join(project, 'scripts', 'start-electron.mjs'));
  const electron = join(project, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  const vite = join(project, 'node_modules', 'electron-vite');
  mkdirSync(join(vite, 'bin'), { recursive: true });
  writeFileSync(join(vite, 'package.json'), '{"name":"electron-vite","version":"6.0.0"}');
  writeFileSync(
    join(vite, 'bin', 'electron-vite.js'),
    'console.log("electron-vite " + JSON.stringify({ args: process.argv.slice(2), electron: process.env.ELECTRON_EXEC_PATH }));',
  );
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

function installProgram(dir: string, withPathFile = true): string {
  const electronDir = join(project, 'node_modules', 'electron');
  if (withPathFile) writeFileSync(join(electronDir, 'path.txt'), 'electron');
  mkdirSync(dir, { recursive: true });
  const program = join(dir, 'electron');
  writeFileSync(program, '#!/bin/sh\n');
  chmodSync(program, 0o755);
  return program;
}

function start(command: string, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('ELECTRON_')),
  );
  return spawnSync(process.execPath, [join(project, 'scripts', 'start-electron.mjs'), command], {
    cwd: project,
    encoding: 'utf8',
    env: { ...clean, ...env },
  });
}

function startedWith(stdout: string): unknown {
  const line = stdout.split('\n').find((l) => l.startsWith('electron-vite '));
  return line ? JSON.parse(line.slice('electron-vite '.length)) : undefined;
}

describe('npm start without Electron’s program', () => {
  it('says what happened and what to do, and starts nothing', () => {
    const run = start('dev');
    expect(run.status).toBe(1);
    expect(startedWith(run.stdout)).toBeUndefined();
    expect(run.stderr).toContain("Electron's program is not installed");
    expect(run.stderr).toContain('path.txt does not exist');
    expect(run.stderr).toContain('node node_modules/electron/install.js');
    expect(run.stderr).toContain('ELECTRON_MIRROR=');
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).not.toContain('Electron uninstall');
  });

  it('names the missing program when path.txt points to nothing', () => {
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    const run = start('preview');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(join('node_modules', 'electron', 'dist', 'electron'));
  });

  it('names a wrong ELECTRON_OVERRIDE_DIST_PATH or ELECTRON_EXEC_PATH', () => {
    const override = start('dev', { ELECTRON_OVERRIDE_DIST_PATH: join(project, 'nowhere') });
    expect(override.status).toBe(1);
    expect(override.stderr).toContain(
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${join(project, 'nowhere')}`,
    );
    const exec = start('dev', { ELECTRON_EXEC_PATH: join(project, 'no-electron') });
    expect(exec.status).toBe(1);
    expect(exec.stderr).toContain('ELECTRON_EXEC_PATH is set to');
  });

  it('says so when the electron package itself is missing', () => {
    rmSync(join(project, 'node_modules', 'electron'), { recursive: true });
    const run = start('dev');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The electron package is not installed');
  });
});

describe('npm start with Electron’s program', () => {
  it('starts electron-vite with the downloaded program', () => {
    const program = installProgram(join(project, 'node_modules', 'electron', 'dist'));
    const run = start('dev');
    expect(run.status, run.stderr).toBe(0);
    expect(startedWith(run.stdout)).toEqual({ args: ['dev'], electron: program });
  });

  it('starts electron-vite with the program ELECTRON_OVERRIDE_DIST_PATH points to', () => {
    const program = installProgram(join(project, 'my-electron'), false);
    const run = start('preview', { ELECTRON_OVERRIDE_DIST_PATH: join(project, 'my-electron') });
    expect(run.status, run.stderr).toBe(0);
    expect(startedWith(run.stdout)).toEqual({ args: ['preview'], electron: program });
  });
});
