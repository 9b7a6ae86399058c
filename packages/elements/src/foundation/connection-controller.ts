import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How long after the document's `load` an element waits for its Roster before it says
 * none is connected. Portals often create the Roster asynchronously (an IndexedDB open,
 * a token fetch), so an element must not call that a mistake during start-up.
 */
export const ROSTER_GRACE_MS = 1500;

/**
 * Tells whether a Roster is missing for good: `missing` turns true only when the host
 * still has no Roster {@link ROSTER_GRACE_MS} after the document has loaded, and then a
 * console warning names the element. Until then the host shows its loading state.
 */
export class ConnectionController implements ReactiveController {
  /** True once the host has waited long enough without a Roster. */
  missing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onLoad = () => this.arm();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly hasRoster: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (document.readyState === 'complete') this.arm();
    else window.addEventListener('load', this.onLoad, { once: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('load', this.onLoad);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  hostUpdate(): void {
    if (this.missing && this.hasRoster()) this.missing = false;
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.hasRoster()) return;
      this.missing = true;
      // The one console message of the kit: a wiring mistake the portal's developer must see.
      // eslint-disable-next-line no-console
      console.warn(
        `<${this.host.localName}>: no Roster connected. Wrap it in <roster-provider> or set its roster property.`,
      );
      this.host.requestUpdate();
    }, ROSTER_GRACE_MS);
  }
}
