/**
 * The web build served for the browser benchmarks, on DOSSIER_E2E_PORT (default 5198), so that
 * benchmarks run beside other work without sharing a port.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export const PORT = Number(process.env.DOSSIER_E2E_PORT ?? 5198);
export const BASE_URL = `http://127.0.0.1:${PORT}/`;

/** Serves out/web in its own process group, so that stopping it stops Vite too and not just npx. */
export function startServer(port = PORT): ChildProcess {
  return spawn(
    'npx',
    [
      'vite',
      'preview',
      '--config',
      'vite.web.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
}

export function stopServer(server: ChildProcess) {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone; an error of the run itself is what should be reported
  }
}

export async function waitForServer(port = PORT) {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}
