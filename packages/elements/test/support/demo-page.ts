/**
 * Drives the real demo page (`npm start`'s server, demo/ on IndexedDB) in headless
 * Chromium with puppeteer-core, the way a person does: by mouse and keyboard, finding UI
 * by role and accessible name in the browser's accessibility tree (which pierces shadow
 * roots), and waiting on what is shown, never on a clock.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, {
  type Browser,
  type CDPSession,
  type Locator,
  type Page,
  type SerializedAXNode,
} from 'puppeteer-core';
import { chromeLaunchOptions } from '../../../../scripts/lib/chrome.mjs';
import { startDemoServer } from '../../../../scripts/lib/demo-server.mjs';

/**
 * Longest any one wait may take before the test gives up: a hang guard, not a speed
 * check (ROSTER_DEMO_WAIT_MS overrides it).
 */
const HANG_GUARD_MS = Number(process.env['ROSTER_DEMO_WAIT_MS'] ?? 240_000);

/** A CSS-like string value for puppeteer's ARIA selector. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The text a person sees in the page: rendered elements only (not `display: none` or
 * `visibility: hidden`), through open shadow roots and into slotted content. A string,
 * not a function: tsx (esbuild keepNames) would inject helpers that the page lacks.
 */
const SHOWN_TEXT = `(() => {
  const parts = [];
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return void parts.push(node.textContent ?? '');
    if (!(node instanceof Element)) return;
    if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).forEach(visit);
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    (node.shadowRoot ?? node).childNodes.forEach(visit);
  };
  visit(document.body);
  return parts.join(' ').replace(/\\s+/g, ' ');
})()`;

/** The demo page in a fresh browser profile (so IndexedDB starts empty and is seeded). */
export interface DemoPage {
  readonly page: Page;
  readonly url: string;
  /** Uncaught errors the page has thrown so far (a step fails on any). */
  readonly pageErrors: readonly string[];
  /** The element with this role and accessible name (the first, when several match). */
  byRole(role: string, name?: string): Locator<Element>;
  /** Clicks the link to a section in the admin's navigation ("Sections") and waits until it is the current one. */
  section(name: string): Promise<void>;
  /** Moves the keyboard focus to the element with this role and name. */
  focus(role: string, name?: string): Promise<void>;
  /** Clicks the element with this role and name (the mouse, at its centre). */
  click(role: string, name?: string): Promise<void>;
  /** Waits until some element shows `text` (shadow roots included). */
  seeText(text: string): Promise<void>;
  /** Waits until the element with this role and name is there. */
  see(role: string, name?: string): Promise<void>;
  /** Waits until no element with this role and name is left. */
  gone(role: string, name?: string): Promise<void>;
  /** Clicks into the field by role and name and types `text` over what it held. */
  type(role: string, name: string, text: string): Promise<void>;
  /** The visible text of the element with this role and name. */
  textOf(role: string, name?: string): Promise<string>;
  /** The accessibility tree as text (for a failing step's message). */
  screen(): Promise<string>;
  /** Waits for the next completed download and returns its content. */
  nextDownload(): Promise<{ filename: string; text: string }>;
  close(): Promise<void>;
}

export async function openDemo(): Promise<DemoPage> {
  const { server, url } = await startDemoServer({ port: 0, logLevel: 'warn' });
  const profile = await mkdtemp(join(tmpdir(), 'roster-demo-profile-'));
  const downloads = await mkdtemp(join(tmpdir(), 'roster-demo-downloads-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch(chromeLaunchOptions({ userDataDir: profile }));
    const page = await browser.newPage();
    page.setDefaultTimeout(HANG_GUARD_MS);
    page.setDefaultNavigationTimeout(HANG_GUARD_MS);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const session: CDPSession = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', {
      // Each file saved under its download's guid; the suggested name comes with the event.
      behavior: 'allowAndName',
      downloadPath: downloads,
      eventsEnabled: true,
    });
    const completed: string[] = [];
    const names = new Map<string, string>();
    const waiting: (() => void)[] = [];
    session.on('Browser.downloadWillBegin', (event) =>
      names.set(event.guid, event.suggestedFilename),
    );
    session.on('Browser.downloadProgress', (event) => {
      if (event.state !== 'completed') return;
      completed.push(event.guid);
      waiting.splice(0).forEach((wake) => wake());
    });
    let taken = 0;

    const selector = (role: string, name?: string) =>
      `::-p-aria([role=${quoted(role)}]${name === undefined ? '' : `[name=${quoted(name)}]`})`;
    const byRole = (role: string, name?: string) => page.locator(selector(role, name));
    const demo: DemoPage = {
      page,
      url,
      pageErrors,
      byRole,
      click: (role, name) => byRole(role, name).click(),
      section: async (name) => {
        const link = page.locator(
          `${selector('navigation', 'Sections')} ${selector('link', name)}`,
        );
        const handle = await link.waitHandle();
        await link.click();
        // Shown once its link is the current page (as a screen reader announces it; on a
        // phone the collapsed navigation hides the link by then); the URL hash has moved.
        await page.waitForFunction(
          (a) => a.getAttribute('aria-current') === 'page',
          { polling: 100 },
          handle,
        );
      },
      focus: async (role, name) => {
        const handle = await byRole(role, name).waitHandle();
        await handle.focus();
      },
      seeText: async (text) => {
        await page.waitForFunction(`${SHOWN_TEXT}.includes(${JSON.stringify(text)})`, {
          polling: 100,
        });
      },
      see: async (role, name) => {
        await page.waitForSelector(selector(role, name));
      },
      gone: async (role, name) => {
        while (await page.$(selector(role, name)))
          await new Promise((resolve) => setTimeout(resolve, 100));
      },
      type: async (role, name, text) => {
        await byRole(role, name).click();
        // What was in the field goes, as when a person selects it all and types over it.
        await page.keyboard.down('Control');
        await page.keyboard.press('a');
        await page.keyboard.up('Control');
        await page.keyboard.press('Backspace');
        await page.keyboard.type(text);
      },
      textOf: async (role, name) => {
        const handle = await page.waitForSelector(selector(role, name));
        return (await handle!.evaluate((element) => (element as HTMLElement).innerText)) ?? '';
      },
      screen: async () => {
        const lines: string[] = [];
        const walk = (node: SerializedAXNode | null, depth: number) => {
          if (!node || node.role === 'option' || node.role === 'StaticText') return;
          const value = node.value === undefined ? '' : ` = ${String(node.value)}`;
          lines.push(`${'  '.repeat(depth)}${node.role} "${node.name ?? ''}"${value}`);
          for (const child of node.children ?? []) walk(child, depth + 1);
        };
        walk(await page.accessibility.snapshot(), 0);
        return `${page.url()}\n${lines.join('\n')}`;
      },
      nextDownload: async () => {
        while (completed.length <= taken) await new Promise<void>((wake) => waiting.push(wake));
        const guid = completed[taken]!;
        taken += 1;
        return {
          filename: names.get(guid) ?? guid,
          text: await readFile(join(downloads, guid), 'utf8'),
        };
      },
      close: async () => {
        await browser?.close();
        await server.close();
        await rm(profile, { recursive: true, force: true });
        await rm(downloads, { recursive: true, force: true });
      },
    };
    return demo;
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
