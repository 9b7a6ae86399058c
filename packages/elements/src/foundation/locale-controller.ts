import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The language an element speaks, observed rather than read once: its own `locale`
 * property first, else the `lang` of the nearest ancestor (across shadow roots), else
 * the document's. A `lang` change on any ancestor re-renders the host.
 *
 * Invariant: while the host is connected, one `MutationObserver` watches `lang`
 * attributes in the document and in every shadow root between it and the host, so a
 * change anywhere on the host's ancestor chain is seen.
 *
 * `RosterElement` uses it (and waits for German texts, which load on first use, before it
 * renders: a class of its own awaits `messagesReady(tag)` the same way).
 *
 * @example
 * ```ts
 * class MyElement extends LitElement {
 *   private readonly language = new LocaleController(this, () => this.locale);
 *   render() { return html`${messagesFor(this.language.tag).common.loading}`; }
 * }
 * ```
 */
export class LocaleController implements ReactiveController {
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The host's own override (its `locale` property), if any. */
    private readonly override: () => string | undefined,
  ) {
    host.addController(this);
  }

  /** The BCP 47 tag in force (`''` when nothing on the page says). */
  get tag(): string {
    const own = this.override();
    if (own) return own;
    for (let node: Element | null = this.host; node;) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentElement ?? hostOf(node);
    }
    return '';
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
    for (let root = this.host.getRootNode(); ;) {
      this.observer.observe(root, options);
      if (!(root instanceof ShadowRoot)) break;
      root = root.host.getRootNode();
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
