import { provide } from '@lit/context';
import type { Roster } from '@roster/core';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { rosterContext } from '../context.js';

/**
 * Hands a Roster instance to every Roster element inside it.
 *
 * @summary Provides the Roster instance to descendant elements.
 * @slot - The elements that use this Roster.
 *
 * @example
 * ```html
 * <roster-provider id="p"><roster-user-table></roster-user-table></roster-provider>
 * <script type="module">
 *   document.getElementById('p').roster = createRoster({ backend: memoryBackend() });
 * </script>
 * ```
 */
export class RosterProviderElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The Roster instance descendants use. */
  @provide({ context: rosterContext })
  @property({ attribute: false })
  accessor roster: Roster | undefined = undefined;

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-provider': RosterProviderElement;
  }
}
