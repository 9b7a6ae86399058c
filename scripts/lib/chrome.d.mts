/** Path of the Chromium binary: $CHROME_PATH, else /usr/bin/chromium. */
export function chromePath(): string;
/** Command-line flags for headless Chromium on this machine (no network, no sandbox). */
export const CHROME_ARGS: string[];
/** puppeteer-core launch options: executablePath, headless, args, plus `extra`. */
export function chromeLaunchOptions<T extends object>(
  extra?: T,
): { executablePath: string; headless: boolean; args: string[] } & T;
