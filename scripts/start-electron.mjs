#!/usr/bin/env node
/*
 * `npm start` and `npm run preview`: find Electron's program first, and only then start
 * electron-vite (`dev` or `preview`) with it. npm installs Electron's package, but the program
 * itself is downloaded later, on first use, from GitHub; where that never happened, electron-vite
 * would stop with "Error: Electron uninstall" and leave its dev server running. This says what
 * happened and what to do instead, and exits before any server starts.
 *
 * The program is looked for as Electron and electron-vite look for it, without require('electron')
 * (that starts the download): ELECTRON_EXEC_PATH, else ELECTRON_OVERRIDE_DIST_PATH, else
 * node_modules/electron/path.txt naming a file in node_modules/electron/dist/.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where Electron's zip puts the program, per platform (as Electron's install.js names it). */
function defaultExecutable(platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/** { executable } when Electron's program is there, else { problem } saying what is missing. */
function findElectron(env) {
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { executable: env.ELECTRON_EXEC_PATH }
      : {
          problem: `ELECTRON_EXEC_PATH is set to ${env.ELECTRON_EXEC_PATH}, which does not exist.`,
        };
  }
  const electronDir = packageDir('electron');
  if (!electronDir) {
    return { problem: 'The electron package is not installed (node_modules/electron is missing).' };
  }
  const pathFile = join(electronDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = join(
      env.ELECTRON_OVERRIDE_DIST_PATH,
      named || defaultExecutable(process.platform),
    );
    return existsSync(executable)
      ? { executable }
      : {
          problem:
            `ELECTRON_OVERRIDE_DIST_PATH is set to ${env.ELECTRON_OVERRIDE_DIST_PATH}, ` +
            `but ${executable} does not exist.`,
        };
  }
  const executable = named ? join(electronDir, 'dist', named) : '';
  if (executable && existsSync(executable)) return { executable };
  return {
    problem:
      "Electron's program is not installed: " +
      (named
        ? `${executable} does not exist.`
        : `${join(electronDir, 'path.txt')} does not exist.`),
  };
}

function explain(problem) {
  return `
Dossier's desktop app cannot start.

${problem}

npm installs Electron's package, but Electron itself (its program, about 100 MB) is downloaded
from GitHub the first time it is needed. That download has not happened on this machine
(for example because only the npm registry can be reached from it).

What you can do:
  - Download it, on a machine that can reach GitHub, then run npm start again:
        node node_modules/electron/install.js
  - Download it through a mirror of Electron's releases:
        ELECTRON_MIRROR=https://your.mirror/electron/ node node_modules/electron/install.js
  - Use an Electron program you already have (the folder that holds it):
        ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start
  - Or use Dossier in the browser, with the same interface and no Electron:
        npm run web        then open http://localhost:5199 in Chrome or Chromium
`;
}

const command = process.argv[2] ?? 'dev';
const found = findElectron(process.env);
if (!found.executable) {
  console.error(explain(found.problem));
  process.exit(1);
}

const electronViteDir = packageDir('electron-vite');
if (!electronViteDir) {
  console.error('Dossier: electron-vite is not installed. Run npm install first.');
  process.exit(1);
}
const child = spawn(
  process.execPath,
  [join(electronViteDir, 'bin', 'electron-vite.js'), command, ...process.argv.slice(3)],
  { stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: found.executable } },
);
// Ctrl+C reaches both processes; this one just waits for electron-vite to finish.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
