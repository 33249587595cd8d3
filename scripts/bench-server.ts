/** The web build served by Vite's preview server, for the benchmarks that drive it. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export function startServer(port: number): ChildProcess {
  if (!existsSync('out/web/index.html')) {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts'], { stdio: 'inherit' });
  }
  // Its own process group, so that stopping it stops Vite too and not just npx.
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

export function stopServer(server: ChildProcess): void {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone; an error of the run itself is what should be reported
  }
}

export async function waitForServer(port: number): Promise<void> {
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
