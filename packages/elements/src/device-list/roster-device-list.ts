import type { Device } from '@roster/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConfirmDialog, confirmDialogStyles } from '../foundation/confirm-dialog.js';
import { errorMessage } from '../foundation/error-message.js';
import { RosterElement } from '../foundation/roster-element.js';
import { userText } from '../foundation/user-text.js';
import { RosterDeviceSignedOutEvent } from './events.js';
import { relativeTime } from '../foundation/time.js';
import { deviceListStyles } from './roster-device-list.styles.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** What the list shows: the devices, most recently seen first, and the account's limit. */
interface DeviceView {
  devices: Device[];
  max: number;
}

/**
 * The devices (sessions) a user is signed in on: name, platform, app version and when
 * each was last seen, with "sign out" per device (confirmed first). The summary
 * "2 of 3 devices" comes with the rule behind it: a sign-in beyond the account's limit
 * signs out the least recently used device. The list follows the backend live (a sign-in
 * elsewhere, another admin's sign-out). Renders nothing on a backend without devices.
 *
 * @summary A user's signed-in devices, each with "sign out".
 *
 * @fires {RosterDeviceSignedOutEvent} roster-device-signed-out - The admin signed a device out (`event.device`).
 *
 * @slot empty - Replaces the text shown when the user is signed in nowhere.
 *
 * @csspart summary - The "2 of 3 devices" line with the rule.
 * @csspart list - The list of devices.
 * @csspart device - Each device.
 * @csspart sign-out - Each device's "sign out" button.
 * @csspart outcome - The live region announcing what an action did.
 * @csspart dialog - The sign-out confirmation dialog.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of the devices and the dialog.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Focus ring.
 * @cssproperty --roster-color-danger - The sign-out buttons and errors.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-device-list user-id="8f2c…"></roster-device-list>
 * </roster-provider>
 * ```
 */
export class RosterDeviceListElement extends RosterElement {
  static override styles = [...RosterElement.styles, confirmDialogStyles, deviceListStyles];

  /** The user whose devices are shown. */
  @property({ attribute: 'user-id' })
  accessor userId = '';

  /** The outcome of the last action, announced politely. */
  @state() private accessor outcome = '';
  @state() private accessor signingOut: string | undefined = undefined;

  private readonly confirmation = new ConfirmDialog(this);

  private readonly view = this.rosterTask({
    args: () => [this.userId, this.can('devices')] as const,
    task: async ({ roster, signal }, [userId, supported]): Promise<DeviceView> => {
      if (!userId || !supported) return { devices: [], max: 0 };
      const [devices, settings] = await Promise.all([
        roster.devices.list(userId, { signal }),
        roster.settings.get({ signal }),
      ]);
      const recentFirst = [...devices].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
      return { devices: recentFirst, max: settings.maxDevicesPerUser };
    },
  });

  constructor() {
    super();
    this.onRosterChange(['devices', 'settings'], () => void this.view.run());
  }

  /** Reloads the devices (also done automatically when they change). */
  async reload(): Promise<void> {
    await this.view.run();
  }

  override render() {
    if (this.roster && !this.can('devices')) return nothing;
    const t = this.t.deviceList;
    return html`<div class="frame" aria-busy=${this.isBusy(this.view) ? 'true' : 'false'}>
        ${this.renderTask(this.view, (view) => this.renderView(view), t.loadingDevices)}
      </div>
      <p class="outcome" role="status" part="outcome">${this.outcome}</p>
      ${this.confirmation.render()}`;
  }

  private renderView({ devices, max }: DeviceView) {
    const t = this.t.deviceList;
    const now = new Date();
    return html`<p class="summary" part="summary" tabindex="-1">
        <strong>${t.usage(devices.length, max)}</strong>
        <span class="muted" id="rule">${t.rule(max)}</span>
      </p>
      ${
        devices.length === 0
          ? html`<p class="state empty"><slot name="empty">${t.noDevices}</slot></p>`
          : html`<ul part="list" aria-label=${t.devices} aria-describedby="rule">
              ${devices.map((device) => this.renderDevice(device, now))}
            </ul>`
      }`;
  }

  private renderDevice(device: Device, now: Date) {
    const t = this.t.deviceList;
    return html`<li part="device" data-device-id=${device.id}>
      <div class="device-name">${userText(device.name)}</div>
      <dl>
        <div>
          <dt>${t.platform}</dt>
          <dd>${userText(device.platform, t.unknown)}</dd>
        </div>
        <div>
          <dt>${t.appVersion}</dt>
          <dd>${userText(device.appVersion, t.unknown)}</dd>
        </div>
        <div>
          <dt>${t.lastSeen}</dt>
          <dd>${relativeTime(device.lastSeenAt, now, this.localeTag)}</dd>
        </div>
      </dl>
      <button
        type="button"
        class="button danger"
        part="sign-out"
        aria-label=${t.signOutDevice(device.name)}
        ?disabled=${this.signingOut === device.id}
        @click=${() => void this.signOut(device)}
      >
        ${t.signOut}
      </button>
    </li>`;
  }

  private async signOut(device: Device): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    const t = this.t.deviceList;
    const confirmed = await this.confirmation.ask({
      title: t.confirmSignOutTitle(device.name),
      message: t.confirmSignOutMessage,
      confirm: t.signOut,
      cancel: this.t.common.cancel,
      danger: true,
    });
    if (!confirmed) return;
    this.signingOut = device.id;
    try {
      await roster.devices.signOut(device.id);
      this.outcome = t.signedOut(device.name);
      this.dispatchEvent(new RosterDeviceSignedOutEvent(device));
      await this.view.run();
    } catch (error) {
      this.outcome = t.signOutFailed(device.name, errorMessage(error, this.t));
    } finally {
      this.signingOut = undefined;
    }
    // The device's row (and its button, the opener) is gone: keep focus in the list.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=summary]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-device-list': RosterDeviceListElement;
  }
}
