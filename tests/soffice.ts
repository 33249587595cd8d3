import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Why LibreOffice cannot be used here, or null when `soffice` is on the PATH. */
export function sofficeMissing(): string | null {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return null;
  } catch {
    const reason =
      'soffice (LibreOffice) is not installed; apt-get install libreoffice-writer-nogui libreoffice-calc-nogui';
    console.warn(`Skipping a LibreOffice check: ${reason}`);
    return reason;
  }
}

/**
 * Converts `bytes` (a file of type `extension`) with headless LibreOffice and returns the
 * result as UTF-8 text. Each call uses its own throwaway profile, so calls may run side by
 * side and never touch the user's settings.
 */
export async function convertWithSoffice(
  bytes: Uint8Array,
  extension: string,
  filter: string,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-soffice-'));
  try {
    const input = join(dir, `report.${extension}`);
    writeFileSync(input, bytes);
    const out = join(dir, 'out');
    await new Promise<void>((resolve, reject) => {
      execFile(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          filter,
          '--outdir',
          out,
          input,
        ],
        { timeout: 110_000 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(),
      );
    });
    const [produced] = readdirSync(out);
    if (!produced) throw new Error(`LibreOffice produced nothing from ${input}`);
    return readFileSync(join(out, produced), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
