import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';

/**
 * Chromium for a test file's checks in the browser, or the reason there is none, printed
 * once, so that each check skipped for it says why.
 */
export async function launchChromium(
  checks: string,
): Promise<{ browser: Browser | undefined; unavailable: string }> {
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    return { browser, unavailable: '' };
  } catch (error) {
    const unavailable = `no Chromium to run (${String(error).split('\n')[0]}); set CHROMIUM_PATH`;
    console.warn(`Skipping ${checks} Chromium checks: ${unavailable}`);
    return { browser: undefined, unavailable };
  }
}
