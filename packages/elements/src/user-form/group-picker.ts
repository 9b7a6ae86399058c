import type { Group, Page } from '@roster/core';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { RosterTaskContext } from '../foundation/roster-element.js';
import { userText } from '../foundation/user-text.js';
import type { UserFormMessages } from './messages.js';

/** Groups listed per search in the picker. */
const GROUP_RESULTS = 20;

/** The picker's load: one page of groups matching the search (pass it as a `rosterTask`'s task). */
export function findGroups({ roster, signal }: RosterTaskContext, [search]: readonly [string]) {
  return roster.groups.list({ search: search || undefined, limit: GROUP_RESULTS }, { signal });
}

/** What the group picker shows and whom it tells. */
export interface GroupPickerProps {
  t: UserFormMessages;
  /** The chosen groups (names known), in the order chosen. */
  selected: readonly Pick<Group, 'id' | 'name'>[];
  /** Groups matching the search (one page), or undefined while loading. */
  results: Page<Group> | undefined;
  onSearch: (text: string) => void;
  onToggle: (group: Pick<Group, 'id' | 'name'>, chosen: boolean) => void;
}

/**
 * A searchable group picker from native controls: the chosen groups as a list with a
 * remove button each, then a search box and the matching groups as checkboxes (the
 * backend searches; one page is shown, with a hint when there are more; rows keyed by
 * group, so focus stays on the group it was on while results change). Native
 * checkboxes keep it keyboard- and screen-reader-usable without a custom combobox.
 */
export function groupPicker(props: GroupPickerProps) {
  const { t, selected, results } = props;
  const chosen = new Set(selected.map((group) => group.id));
  return html`<fieldset class="groups" part="group-picker">
    <legend>${t.fields.groupIds}</legend>
    ${
      selected.length
        ? html`<ul class="chips" aria-label=${t.fields.groupIds}>
            ${repeat(
              selected,
              (group) => group.id,
              (group) =>
                html`<li>
                  ${userText(group.name)}
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label=${t.removeGroup(group.name)}
                    @click=${() => props.onToggle(group, false)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t.noGroupsSelected}</p>`
    }
    <label class="field">
      <span>${t.findGroup}</span>
      <input
        type="search"
        autocomplete="off"
        @input=${(event: Event) => props.onSearch((event.target as HTMLInputElement).value)}
      />
    </label>
    ${
      results === undefined
        ? nothing
        : results.items.length === 0
          ? html`<p class="muted">${t.noGroupsFound}</p>`
          : html`<ul class="choices">
              ${repeat(
                results.items,
                (group) => group.id,
                (group) =>
                  html`<li>
                    <label>
                      <input
                        type="checkbox"
                        .checked=${chosen.has(group.id)}
                        @change=${(event: Event) =>
                          props.onToggle(group, (event.target as HTMLInputElement).checked)}
                      />
                      ${userText(group.name)}
                    </label>
                  </li>`,
              )}
            </ul>`
    }
    ${
      results && results.total > results.items.length
        ? html`<p class="muted">${t.moreGroups(results.items.length, results.total)}</p>`
        : nothing
    }
  </fieldset>`;
}
