import type { ChangeEvent, ChangeKind, Roster } from '@roster/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps one subscription to the host's Roster for the change kinds it shows, and
 * releases it when the host disconnects or its Roster is replaced.
 *
 * Invariant: at most one live subscription, always to the Roster the host holds now,
 * and none while the host is disconnected.
 */
export class ChangeController implements ReactiveController {
  private subscribed: Roster | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly roster: () => Roster | undefined,
    private readonly kinds: readonly ChangeKind[],
    private readonly listener: (event: ChangeEvent) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  private sync(): void {
    const wanted = this.connected ? this.roster() : undefined;
    if (wanted === this.subscribed) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribed = wanted;
    if (wanted)
      this.unsubscribe = wanted.subscribe((event) => {
        if (this.kinds.includes(event.kind)) this.listener(event);
      });
  }
}
