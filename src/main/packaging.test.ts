import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration, FileSet } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkFolder } from './files';
import { PACKAGED_SAMPLES_FOLDER, resolveSamplesDir } from './paths';

/*
 * The packaging configuration (electron-builder.yml) cannot be turned into installers here:
 * electron-builder downloads Electron and the installer tools. What can be checked is checked:
 * the configuration as electron-builder itself loads and validates it, every file it names, and
 * where the packaged main process looks for the samples. With a built app (npm run build) the
 * package's folder layout is also made for real, from a stand-in Electron distribution.
 */

const root = resolve(import.meta.dirname, '..', '..');
let config: Configuration;
let temp: string;

beforeAll(async () => {
  config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  temp = mkdtempSync(join(tmpdir(), 'dossier-packaging-'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

function fileSets(value: Configuration['extraResources']): FileSet[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((item) => (typeof item === 'string' ? { from: item, to: item } : item));
}

const sampleNames = () => readdirSync(join(root, 'resources', 'samples')).sort();

describe('electron-builder configuration', () => {
  it('names the product, and targets NSIS, dmg, AppImage and deb', () => {
    expect(config.productName).toBe('Dossier');
    expect(config.appId).toBe('app.dossier.workbench');
    const targets = (platform: { target?: unknown } | null | undefined) =>
      (platform?.target as { target: string }[]).map((t) => t.target);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
  });

  it('names only files that exist', () => {
    for (const icon of [config.win?.icon, config.mac?.icon]) {
      expect(icon && existsSync(join(root, icon)), String(icon)).toBe(true);
    }
    const linuxIcons = join(root, String(config.linux?.icon));
    expect(readdirSync(linuxIcons)).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
    expect(existsSync(join(root, String(config.beforeBuild)))).toBe(true);
    expect(existsSync(join(root, String(config.directories?.buildResources)))).toBe(true);
    for (const set of fileSets(config.extraResources)) {
      expect(existsSync(join(root, String(set.from))), String(set.from)).toBe(true);
    }
  });

  it('packs the built app and package.json, whose main is in it', () => {
    const files = config.files as unknown as string[] | { filter: string[] }[];
    const patterns = files.flatMap((item) => (typeof item === 'string' ? [item] : item.filter));
    expect(patterns).toEqual(['out/**/*', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('./out/main/index.js');
  });

  it('puts the samples where the packaged main process looks for them', async () => {
    const [samples] = fileSets(config.extraResources).filter(
      (set) => set.from === 'resources/samples',
    );
    expect(samples?.to).toBe(PACKAGED_SAMPLES_FOLDER);

    // Lay out resources/ as electron-builder does, and ask main where the samples are.
    const resourcesPath = join(temp, 'Dossier', 'resources');
    for (const set of fileSets(config.extraResources)) {
      cpSync(join(root, String(set.from)), join(resourcesPath, String(set.to)), {
        recursive: true,
      });
    }
    const appPath = join(resourcesPath, 'app.asar');
    const found = resolveSamplesDir({
      isPackaged: true,
      resourcesPath,
      mainDir: join(appPath, 'out', 'main'),
    });
    expect((await walkFolder(found)).map((file) => file.relativePath)).toEqual(sampleNames());
  });

  it('finds the samples in the project when run unpackaged', () => {
    expect(
      resolveSamplesDir({
        isPackaged: false,
        resourcesPath: '/usr/lib/electron/resources',
        mainDir: join(root, 'out', 'main'),
      }),
    ).toBe(join(root, 'resources', 'samples'));
  });
});

describe('the packaged app, with a stand-in Electron', () => {
  const built = existsSync(join(root, 'out', 'main', 'index.js'));
  if (!built) console.log('Packaging layout test skipped: no out/ (run "npm run build" first)');

  it.skipIf(!built)('bundles main whole: it imports only Node and Electron', () => {
    const main = readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8');
    const imports = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const name of imports) expect(name, name).toMatch(/^(node:|electron$)/);
  });

  it.skipIf(!built)(
    'holds out/ and package.json in app.asar, no node_modules, and the samples beside it',
    async () => {
      // A folder that looks like Electron's zip, so electron-builder downloads nothing.
      const electronDist = join(temp, 'electron-dist');
      mkdirSync(join(electronDist, 'resources'), { recursive: true });
      writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
      chmodSync(join(electronDist, 'electron'), 0o755);
      writeFileSync(join(electronDist, 'LICENSE'), 'stand-in');
      const output = join(temp, 'dist');
      const run = spawnSync(
        'npx',
        [
          'electron-builder',
          '--linux',
          'dir',
          `--config.electronDist=${electronDist}`,
          `--config.directories.output=${output}`,
        ],
        { cwd: root, encoding: 'utf8', timeout: 110_000 },
      );
      expect(run.status, run.stdout + run.stderr).toBe(0);

      const resourcesPath = join(output, 'linux-unpacked', 'resources');
      const entries = listPackage(join(resourcesPath, 'app.asar'), { isPack: false });
      expect(entries).toContain('/package.json');
      expect(entries).toContain('/out/main/index.js');
      expect(entries).toContain('/out/preload/index.cjs');
      expect(entries).toContain('/out/renderer/index.html');
      expect(entries.filter((entry) => !/^\/(out|out\/.*|package\.json)$/.test(entry))).toEqual([]);
      const found = resolveSamplesDir({ isPackaged: true, resourcesPath, mainDir: '' });
      expect((await walkFolder(found)).map((file) => file.relativePath)).toEqual(sampleNames());
    },
    120_000,
  );
});
