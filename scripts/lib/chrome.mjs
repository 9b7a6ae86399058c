/**
 * How the tooling starts Chromium: Debian's /usr/bin/chromium unless CHROME_PATH says
 * otherwise, headless, and with the background services off (this machine has no network
 * beyond the package registries, and Chromium's own connections would only be refused).
 */
export const chromePath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** puppeteer-core launch options shared by web-test-runner and the bench helper. */
export function chromeLaunchOptions(extra = {}) {
  return {
    executablePath: chromePath(),
    headless: true,
    args: CHROME_ARGS,
    ...extra,
  };
}
